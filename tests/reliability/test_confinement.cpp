// What a dataset may read (issue 8, items 1 and 2): a document's "path" stays inside the dataset
// file's folder or a folder the caller allowed, and no refusal tells anything about a file the
// user did not give: not its bytes, not its hash, not whether it exists.
#include <doctest/doctest.h>

#include <string>

#include <sys/stat.h>
#include <unistd.h>

#include "reliability_support.hpp"

using namespace stance;
using stance::test::SeededDatabase;

namespace {

/// A dataset with one document whose "path" is `path`, written into `folder`.
std::filesystem::path dataset_with_path(const std::filesystem::path& folder, const std::string& path) {
    std::filesystem::path file = folder / "dataset.json";
    test::write_text(file, R"({"stance_dataset": 1, "documents": [{"id": "letter", "path": ")" + path + R"("}]})");
    return file;
}

std::string refusal(Store& store, const std::filesystem::path& file, const DatasetReadOptions& options = {}) {
    return test::message_of_failure<invalid_input_error>([&] { import_dataset_file(store, file, options); });
}

/// The one message every path outside the allowed folders gets.
std::string outside_message(const std::filesystem::path& file, const std::string& path) {
    return file.string() + ": $.documents[0].path: \"" + path +
           "\" is outside the folders a dataset may read documents from (the dataset file's folder); put the "
           "document beside the dataset, or allow its folder with --allow-documents-under DIR";
}

} // namespace

TEST_CASE("a document path outside the dataset's folder is refused without reading it") {
    SeededDatabase db;
    const std::filesystem::path folder = db.dir() / "datasets";
    std::filesystem::create_directories(folder);
    test::write_text(db.dir() / "secret.txt", "the secret text\n");
    for (const std::string& path :
         {std::string("/etc/passwd"), std::string("../secret.txt"), std::string("../../../../etc/passwd"),
          std::string("/proc/self/environ"), std::string("sub/../../secret.txt"), (db.dir() / "secret.txt").string(),
          std::string("/dev/zero")}) {
        CAPTURE(path);
        const std::filesystem::path file = dataset_with_path(folder, path);
        CHECK(refusal(db.store(), file) == outside_message(file, path));
    }
    db.check_unchanged();
}

TEST_CASE("a symbolic link inside the folder that leads out of it is refused like any outside path") {
    SeededDatabase db;
    const std::filesystem::path folder = db.dir() / "datasets";
    std::filesystem::create_directories(folder / "texts");
    test::write_text(db.dir() / "secret.txt", "the secret text\n");
    std::filesystem::create_symlink(db.dir() / "secret.txt", folder / "link-to-file.txt");
    std::filesystem::create_directory_symlink(db.dir().path(), folder / "texts" / "link-to-dir");
    std::filesystem::create_symlink("/etc/passwd", folder / "passwd");
    for (const std::string& path : {std::string("link-to-file.txt"), std::string("texts/link-to-dir/secret.txt"),
                                    std::string("passwd"), std::string("texts/link-to-dir/no-such-file.txt")}) {
        CAPTURE(path);
        const std::filesystem::path file = dataset_with_path(folder, path);
        CHECK(refusal(db.store(), file) == outside_message(file, path));
    }
    db.check_unchanged();
}

TEST_CASE("outside the folder, a missing file and an existing one get the same message") {
    SeededDatabase db;
    const std::filesystem::path folder = db.dir() / "datasets";
    std::filesystem::create_directories(folder);
    test::write_text(db.dir() / "exists.txt", "text\n");
    const std::filesystem::path a = dataset_with_path(folder, "../exists.txt");
    const std::string about_existing = refusal(db.store(), a);
    const std::filesystem::path b = dataset_with_path(folder, "../missing.txt");
    const std::string about_missing = refusal(db.store(), b);
    CHECK(about_existing == outside_message(a, "../exists.txt"));
    CHECK(about_missing == outside_message(b, "../missing.txt"));
}

TEST_CASE("inside the folder, links that stay inside are followed; fifos and devices are not read") {
    SeededDatabase db;
    const std::filesystem::path folder = db.dir() / "datasets";
    std::filesystem::create_directories(folder / "texts");
    test::write_text(folder / "texts" / "letter.txt", "Een korte brief.");
    std::filesystem::create_symlink(folder / "texts" / "letter.txt", folder / "letter.txt");
    REQUIRE(::mkfifo((folder / "pipe").c_str(), 0600) == 0);
    const Dataset dataset = import_dataset_file(db.store(), dataset_with_path(folder, "letter.txt"));
    CHECK(db.store().document(DocumentId{"letter"})->text == "Een korte brief.");
    const std::filesystem::path fifo = dataset_with_path(folder, "pipe");
    CHECK(refusal(db.store(), fifo).find("\"pipe\" is not a regular file") != std::string::npos);
}

TEST_CASE("a folder the caller allows may be read from, by absolute or relative path") {
    SeededDatabase db;
    const std::filesystem::path folder = db.dir() / "datasets";
    const std::filesystem::path texts = db.dir() / "texts";
    std::filesystem::create_directories(folder);
    std::filesystem::create_directories(texts);
    test::write_text(texts / "letter.txt", "Een korte brief.");
    DatasetReadOptions options;
    options.allowed_document_roots = {texts};
    const std::filesystem::path file = dataset_with_path(folder, "../texts/letter.txt");
    CHECK(refusal(db.store(), file).find("is outside the folders") != std::string::npos);
    CHECK_NOTHROW(import_dataset_file(db.store(), file, options));
    CHECK_NOTHROW(import_dataset_file(db.store(), dataset_with_path(folder, (texts / "letter.txt").string()), options));
    // Allowing a folder does not allow its neighbours.
    test::write_text(db.dir() / "texts2.txt", "x");
    const std::filesystem::path neighbour = dataset_with_path(folder, "../texts2.txt");
    CHECK(refusal(db.store(), neighbour, options).find("(the dataset file's folder and the allowed ones)") !=
          std::string::npos);
    // System trees hold no documents and cannot be allowed.
    options.allowed_document_roots = {"/proc"};
    CHECK(refusal(db.store(), file, options).find("lies under /proc, /sys or /dev") != std::string::npos);
}

TEST_CASE("refusals show nothing of a file the dataset did not write inline") {
    SeededDatabase db;
    const std::filesystem::path folder = db.dir() / "datasets";
    std::filesystem::create_directories(folder);
    test::write_text(folder / "letter.txt", "The minister opposes the plan.");
    SUBCASE("a wrong sha256 does not print the file's real hash") {
        const std::filesystem::path file = folder / "bad-hash.json";
        test::write_text(file, R"({"stance_dataset": 1, "documents": [{"id": "letter", "path": "letter.txt",)"
                               R"( "sha256": ")" +
                                   std::string(64, '0') + R"("}]})");
        const std::string message = refusal(db.store(), file);
        CHECK(message == file.string() + ": $.documents[0].sha256: does not match the text: the source file changed "
                                         "or the hash is wrong (sha256sum gives a file's hash)");
        CHECK(message.find(sha256_hex("The minister opposes the plan.")) == std::string::npos);
    }
    SUBCASE("a quote that misses its span on a file says where, not what the file holds") {
        const std::filesystem::path file = folder / "bad-quote.json";
        test::write_text(file, R"({"stance_dataset": 1, "documents": [{"id": "letter", "path": "letter.txt"}],)"
                               R"( "stances": [{"id": "x", "actor": "nld", "topic": "russia", "meeting":)"
                               R"( "nac-fm-2017-03-31", "position": "oppose", "quote": "The minister supports",)"
                               R"( "source": {"document": "letter", "start": 0, "end": 21}}]})");
        const std::string message = refusal(db.store(), file);
        CHECK(message == file.string() + ": $.stances[0].source.start: the span [0, 21) does not hold the quote: "
                                         "they part at character 14 of the quote (white space collapsed); fix the "
                                         "offsets (stance locate DATASET --fix sets them from the quotes)");
        CHECK(message.find("opposes") == std::string::npos);
    }
    SUBCASE("a text written inline in the same file is the user's own and may be quoted back") {
        const std::filesystem::path file = folder / "inline.json";
        test::write_text(file, R"({"stance_dataset": 1, "documents": [{"id": "letter", "text": "The minister )"
                               R"(opposes the plan."}], "stances": [{"id": "x", "actor": "nld", "topic": "russia",)"
                               R"( "meeting": "nac-fm-2017-03-31", "position": "oppose", "quote": "The minister",)"
                               R"( "source": {"document": "letter", "start": 0, "end": 21}}]})");
        CHECK(refusal(db.store(), file).find("the span [0, 21) reads \"The minister opposes\", not the quote") !=
              std::string::npos);
    }
    db.check_unchanged();
}

#ifdef STANCE_CLI_BINARY
TEST_CASE("stance import reads documents outside the dataset's folder only with --allow-documents-under") {
    SeededDatabase db;
    db.close();
    const std::filesystem::path folder = db.dir() / "datasets";
    const std::filesystem::path texts = db.dir() / "texts";
    std::filesystem::create_directories(folder);
    std::filesystem::create_directories(texts);
    test::write_text(texts / "letter.txt", "Een korte brief.");
    const std::filesystem::path file = dataset_with_path(folder, "../texts/letter.txt");
    const test::CommandResult refused = test::run_cli("--db " + db.path() + " import " + file.string());
    CAPTURE(refused.output);
    CHECK(refused.exit_code == 3);
    CHECK(refused.output.find("is outside the folders a dataset may read documents from") != std::string::npos);
    const test::CommandResult allowed =
        test::run_cli("--db " + db.path() + " import " + file.string() + " --allow-documents-under " + texts.string());
    CAPTURE(allowed.output);
    CHECK(allowed.exit_code == 0);
    CHECK(Store::open(db.path())->document(DocumentId{"letter"})->text == "Een korte brief.");
}
#endif
