// Coder accounts on every backend: adding, the rules of names and passwords, logging in, changing
// roles and permissions, and the last coder who may manage coders.
#include <doctest/doctest.h>

#include "stance/error.hpp"
#include "team_support.hpp"

using namespace stance;
using test::a_password;
using test::coder_named;

STORE_TEST_CASE("a new database has no coders, and an added coder reads back as added, without a password") {
    const test::ScratchDatabase database = backend.create();
    auto directory = test::open_directory(database);
    CHECK(directory->coders().empty());
    Coder ana = coder_named("ana", CoderRole::reviewer);
    ana.permissions.grant(Permission::import_data);
    directory->add(ana, a_password);
    directory->add(coder_named("bo", CoderRole::reader), "another password");

    const std::vector<Coder> all = directory->coders();
    REQUIRE(all.size() == 2);
    CHECK(all[0].name == "ana"); // by name
    CHECK(all[1].name == "bo");
    const std::optional<Coder> read = directory->coder("ana");
    REQUIRE(read.has_value());
    CHECK(read->display_name == "Display ana");
    CHECK(read->role == CoderRole::reviewer);
    CHECK(read->permissions.has(Permission::import_data));
    CHECK(read->permissions.has(Permission::review));
    CHECK_FALSE(read->disabled);
    CHECK(read->created_at.size() == 20); // 2026-12-02T13:00:00Z
    CHECK(read->created_at.ends_with("Z"));
    CHECK_FALSE(directory->coder("nobody").has_value());
    CHECK_FALSE(directory->coder("Not A Name").has_value());
    // What the table holds is the scrypt record, not the password.
    const std::string stored = database.sql("SELECT password_hash FROM coder WHERE name = 'ana'");
    CHECK(stored.starts_with("scrypt$1024$8$1$"));
    CHECK(stored.find("horse") == std::string::npos);
    // Another connection sees the same accounts.
    CHECK(test::open_directory(database)->coders().size() == 2);
}

STORE_TEST_CASE("a coder's name is lowercase letters, digits, '.', '-' and '_', 1 to 64 bytes") {
    const test::ScratchDatabase database = backend.create();
    auto directory = test::open_directory(database);
    for (const std::string& good : {std::string("a"), std::string("ana.lima-2_b"), std::string(64, 'x')}) {
        CAPTURE(good);
        directory->add(coder_named(good, CoderRole::coder), a_password);
    }
    for (const std::string& bad : {std::string(""), std::string("Ana"), std::string("ana lima"), std::string(65, 'x'),
                                   std::string("ana@team"), std::string("anaé")}) {
        CAPTURE(bad);
        const std::string message =
            test::message_of([&] { directory->add(coder_named(bad, CoderRole::coder), a_password); });
        CHECK(message.find("coder name") != std::string::npos);
        CHECK_THROWS_AS(directory->add(coder_named(bad, CoderRole::coder), a_password), invalid_input_error);
    }
    CHECK(directory->coders().size() == 3);
}

STORE_TEST_CASE("a name already taken is refused, and the account that has it stays as it was") {
    const test::ScratchDatabase database = backend.create();
    auto directory = test::open_directory(database);
    directory->add(coder_named("ana", CoderRole::admin), a_password);
    Coder again = coder_named("ana", CoderRole::reader);
    again.display_name = "Someone else";
    const std::string message = test::message_of([&] { directory->add(again, "some other password"); });
    CHECK(message == "coder \"ana\": the name is taken by another account; choose another name, or change that "
                     "account (stance coders set)");
    CHECK_THROWS_AS(directory->add(again, "some other password"), invalid_input_error);
    REQUIRE(directory->coders().size() == 1);
    CHECK(directory->coder("ana")->role == CoderRole::admin);
    CHECK(directory->authenticate("ana", a_password).has_value());
    CHECK_FALSE(directory->authenticate("ana", "some other password").has_value());
}

STORE_TEST_CASE("a password shorter than 10 characters is refused, and no message repeats it") {
    const test::ScratchDatabase database = backend.create();
    auto directory = test::open_directory(database);
    const std::string message =
        test::message_of([&] { directory->add(coder_named("ana", CoderRole::coder), "tulip1234"); });
    CHECK(message.find("the password of coder \"ana\": is shorter than 10 characters") != std::string::npos);
    CHECK(message.find("tulip") == std::string::npos);
    CHECK_THROWS_AS(directory->add(coder_named("ana", CoderRole::coder), ""), invalid_input_error);
    // Characters, not bytes: nine accented letters are eighteen bytes but still nine characters.
    CHECK_THROWS_AS(directory->add(coder_named("ana", CoderRole::coder), "ééééééééé"), invalid_input_error);
    CHECK_THROWS_AS(directory->add(coder_named("ana", CoderRole::coder), std::string(1025, 'p')), invalid_input_error);
    CHECK_THROWS_AS(directory->add(coder_named("ana", CoderRole::coder), std::string("a password\0", 11)),
                    invalid_input_error);
    CHECK(directory->coders().empty());
    directory->add(coder_named("ana", CoderRole::coder), "éééééééééé");
    CHECK(directory->authenticate("ana", "éééééééééé").has_value());
    // The same rule for a new password, and the old one stays.
    CHECK_THROWS_AS(directory->set_password("ana", "short"), invalid_input_error);
    CHECK(directory->authenticate("ana", "éééééééééé").has_value());
}

STORE_TEST_CASE("a display name is one line of UTF-8 of at most 200 bytes") {
    const test::ScratchDatabase database = backend.create();
    auto directory = test::open_directory(database);
    Coder coder = coder_named("ana", CoderRole::coder);
    for (const std::string& bad :
         {std::string("Ana\nLima"), std::string("Ana\x01"), std::string("\xff\xfe"), std::string(201, 'a')}) {
        coder.display_name = bad;
        CHECK_THROWS_AS(directory->add(coder, a_password), invalid_input_error);
    }
    coder.display_name = "Ana Lima Ferreira";
    directory->add(coder, a_password);
    coder.display_name = "Ana\tLima";
    CHECK_THROWS_AS(directory->update(coder), invalid_input_error);
    CHECK(directory->coder("ana")->display_name == "Ana Lima Ferreira");
}

STORE_TEST_CASE("a login succeeds only with the account's own password, and never for a disabled account") {
    const test::ScratchDatabase database = backend.create();
    auto directory = test::open_directory(database);
    directory->add(coder_named("ana", CoderRole::admin), a_password);
    directory->add(coder_named("bo", CoderRole::coder), "bo's own password");
    const std::optional<Coder> ana = directory->authenticate("ana", a_password);
    REQUIRE(ana.has_value());
    CHECK(ana->name == "ana");
    CHECK(ana->role == CoderRole::admin);
    CHECK_FALSE(directory->authenticate("ana", "bo's own password").has_value());
    CHECK_FALSE(directory->authenticate("bo", a_password).has_value());
    CHECK_FALSE(directory->authenticate("nobody", a_password).has_value());
    CHECK_FALSE(directory->authenticate("", a_password).has_value());
    CHECK_FALSE(directory->authenticate("Ana", a_password).has_value());
    CHECK_FALSE(directory->authenticate("ana", std::string(5000, 'x')).has_value());
    // scrypt alone would take a NUL byte after the password for its end; the directory does not.
    CHECK_FALSE(directory->authenticate("ana", std::string(a_password) + '\0').has_value());

    Coder bo = *directory->coder("bo");
    bo.disabled = true;
    directory->update(bo);
    CHECK_FALSE(directory->authenticate("bo", "bo's own password").has_value());
    bo.disabled = false;
    directory->update(bo);
    CHECK(directory->authenticate("bo", "bo's own password").has_value());
}

STORE_TEST_CASE("a new password replaces the old one, and an unknown account's is refused as not found") {
    const test::ScratchDatabase database = backend.create();
    auto directory = test::open_directory(database);
    directory->add(coder_named("ana", CoderRole::coder), a_password);
    directory->set_password("ana", "a brand new password");
    CHECK_FALSE(directory->authenticate("ana", a_password).has_value());
    CHECK(directory->authenticate("ana", "a brand new password").has_value());
    const std::string message = test::message_of([&] { directory->set_password("nobody", "a brand new password"); });
    CHECK(message.find("there is no coder \"nobody\"") != std::string::npos);
    CHECK_THROWS_AS(directory->set_password("nobody", "a brand new password"), not_found_error);
}

STORE_TEST_CASE("an update changes role, permissions, display name and disabled, and nothing else") {
    const test::ScratchDatabase database = backend.create();
    auto directory = test::open_directory(database);
    directory->add(coder_named("admin", CoderRole::admin), a_password);
    directory->add(coder_named("ana", CoderRole::coder), "ana's password!");
    const std::string created = directory->coder("ana")->created_at;
    Coder ana = *directory->coder("ana");
    ana.role = CoderRole::reviewer;
    ana.permissions = default_permissions(CoderRole::reviewer);
    ana.permissions.withdraw(Permission::edit_others);
    ana.permissions.grant(Permission::delete_documents);
    ana.display_name = "Ana Lima";
    ana.created_at = "1999-01-01T00:00:00Z"; // not the caller's to set
    directory->update(ana);
    const Coder read = *directory->coder("ana");
    CHECK(read.role == CoderRole::reviewer);
    CHECK(read.display_name == "Ana Lima");
    CHECK(read.permissions.has(Permission::delete_documents));
    CHECK_FALSE(read.permissions.has(Permission::edit_others));
    CHECK(read.created_at == created);
    CHECK(directory->authenticate("ana", "ana's password!").has_value()); // the password is untouched

    Coder nobody = coder_named("nobody", CoderRole::coder);
    CHECK_THROWS_AS(directory->update(nobody), not_found_error);
    CHECK(directory->coders().size() == 2);
}

STORE_TEST_CASE("the last enabled coder who may manage coders can be neither disabled nor demoted") {
    const test::ScratchDatabase database = backend.create();
    auto directory = test::open_directory(database);
    directory->add(coder_named("admin", CoderRole::admin), a_password);
    directory->add(coder_named("ana", CoderRole::coder), a_password);
    Coder admin = *directory->coder("admin");

    Coder disabled = admin;
    disabled.disabled = true;
    const std::string message = test::message_of([&] { directory->update(disabled); });
    CHECK(message.find("coder \"admin\": is the last enabled coder who may manage coders") != std::string::npos);
    CHECK_THROWS_AS(directory->update(disabled), invalid_input_error);
    Coder withdrawn = admin;
    withdrawn.permissions.withdraw(Permission::manage_coders);
    CHECK_THROWS_AS(directory->update(withdrawn), invalid_input_error);
    Coder demoted = admin;
    demoted.role = CoderRole::coder;
    demoted.permissions = default_permissions(CoderRole::coder);
    CHECK_THROWS_AS(directory->update(demoted), invalid_input_error);
    CHECK(directory->coder("admin")->permissions == default_permissions(CoderRole::admin));
    CHECK_FALSE(directory->coder("admin")->disabled);

    // Other changes to the last manager are fine.
    Coder renamed = admin;
    renamed.display_name = "The administrator";
    renamed.permissions.withdraw(Permission::import_data);
    directory->update(renamed);
    CHECK(directory->coder("admin")->display_name == "The administrator");

    // A disabled coder with manage_coders does not count as another manager.
    Coder ana = *directory->coder("ana");
    ana.permissions.grant(Permission::manage_coders);
    ana.disabled = true;
    directory->update(ana);
    CHECK_THROWS_AS(directory->update(disabled), invalid_input_error);
    // Once ana is enabled, admin may step down, and then ana is the last one.
    ana.disabled = false;
    directory->update(ana);
    directory->update(demoted);
    CHECK(directory->coder("admin")->role == CoderRole::coder);
    Coder ana_withdrawn = ana;
    ana_withdrawn.permissions.withdraw(Permission::manage_coders);
    CHECK_THROWS_AS(directory->update(ana_withdrawn), invalid_input_error);
}

STORE_TEST_CASE("a team without a manager may be given one, and changing a coder who never managed is not refused") {
    const test::ScratchDatabase database = backend.create();
    auto directory = test::open_directory(database);
    directory->add(coder_named("ana", CoderRole::coder), a_password);
    Coder ana = *directory->coder("ana");
    ana.disabled = true;
    directory->update(ana); // no manager before, none after: nothing taken away
    ana.disabled = false;
    ana.role = CoderRole::admin;
    ana.permissions = default_permissions(CoderRole::admin);
    directory->update(ana);
    CHECK(directory->coder("ana")->permissions.has(Permission::manage_coders));
}

STORE_TEST_CASE("a directory opened read-only reads the accounts and refuses every write") {
    const test::ScratchDatabase database = backend.create();
    test::open_directory(database)->add(coder_named("ana", CoderRole::admin), a_password);
    auto directory = test::open_directory(database, true);
    CHECK(directory->coders().size() == 1);
    CHECK(directory->authenticate("ana", a_password).has_value());
    const std::string message =
        test::message_of([&] { directory->add(coder_named("bo", CoderRole::coder), a_password); });
    CHECK(message.find("opened read-only") != std::string::npos);
    CHECK_THROWS_AS(directory->add(coder_named("bo", CoderRole::coder), a_password), storage_error);
    CHECK_THROWS_AS(directory->set_password("ana", "a brand new password"), storage_error);
    CHECK_THROWS_AS(directory->update(*directory->coder("ana")), storage_error);
    CHECK(directory->coders().size() == 1);
}

STORE_TEST_CASE("CoderDirectory::open hashes new passwords at the real cost") {
    const test::ScratchDatabase database = backend.create();
    auto directory = CoderDirectory::open(database.address());
    directory->add(coder_named("ana", CoderRole::admin), a_password);
    CHECK(database.sql("SELECT password_hash FROM coder").starts_with("scrypt$32768$8$3$"));
    CHECK(directory->authenticate("ana", a_password).has_value());
    // A directory of a cheaper cost still checks it: the record carries its own.
    CHECK(test::open_directory(database)->authenticate("ana", a_password).has_value());
}
