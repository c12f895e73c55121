// Roles, permissions and verdicts by name, permission sets, and what each role grants.
#include <doctest/doctest.h>

#include "stance/team/coders.hpp"

using namespace stance;

TEST_CASE("roles, permissions and verdicts read back from their names, and nothing else reads") {
    for (const CoderRole role : {CoderRole::reader, CoderRole::coder, CoderRole::reviewer, CoderRole::admin}) {
        CHECK(parse_coder_role(to_string(role)) == role);
    }
    CHECK(to_string(CoderRole::reviewer) == "reviewer");
    CHECK_FALSE(parse_coder_role("Admin").has_value());
    CHECK_FALSE(parse_coder_role("").has_value());
    CHECK(to_string(Permission::delete_documents) == "delete_documents");
    CHECK(parse_permission("manage_coders") == Permission::manage_coders);
    CHECK_FALSE(parse_permission("manage-coders").has_value());
    CHECK(parse_verdict("accepted") == StanceReview::Verdict::accepted);
    CHECK(to_string(StanceReview::Verdict::rejected) == "rejected");
    CHECK_FALSE(parse_verdict("ok").has_value());
}

TEST_CASE("a permission set grants and withdraws one permission at a time, and lists them in order") {
    PermissionSet set{Permission::review, Permission::code_stances};
    CHECK(set.has(Permission::review));
    CHECK_FALSE(set.has(Permission::import_data));
    set.grant(Permission::import_data);
    set.withdraw(Permission::review);
    set.withdraw(Permission::review); // withdrawing what is not there changes nothing
    CHECK(set.list() == std::vector<Permission>{Permission::code_stances, Permission::import_data});
    CHECK(PermissionSet::from_bits(set.bits()) == set);
    // Bits no permission of this stance stands for are dropped.
    CHECK(PermissionSet::from_bits(0xFFFF'FFFFU) == default_permissions(CoderRole::admin));
    CHECK(PermissionSet::from_bits(1U << 20U).list().empty());
}

TEST_CASE("each role's default permissions are the documented ones") {
    CHECK(default_permissions(CoderRole::reader).list().empty());
    CHECK(default_permissions(CoderRole::coder).list() ==
          std::vector<Permission>{Permission::code_stances, Permission::add_documents});
    CHECK(default_permissions(CoderRole::reviewer).list() ==
          std::vector<Permission>{Permission::code_stances, Permission::edit_others, Permission::review,
                                  Permission::add_documents});
    CHECK(default_permissions(CoderRole::admin).list().size() == 7);
    CHECK(default_permissions(CoderRole::admin).has(Permission::manage_coders));
    CHECK_FALSE(default_permissions(CoderRole::reviewer).has(Permission::manage_coders));
}
