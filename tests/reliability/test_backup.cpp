// An export is a backup (issue 8, items 4 and 8): a database holding UN votes, whose tables are
// referenced by path and never copied, exports to a file that imports into a fresh database and
// exports again to the same bytes, wherever the export is moved; and no stance can claim a quote
// from such a table that nobody checked.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "reliability_support.hpp"
#include "stance/unga/import.hpp"
#include "unga/unga_fixture.hpp"

using namespace stance;

namespace {

/// The UN fixture tables gzip'd into `folder`, as the shipped data is.
void gzip_fixture(const std::filesystem::path& folder) {
    std::filesystem::create_directories(folder);
    for (const auto& entry : std::filesystem::directory_iterator(test::unga_fixture())) {
        const std::string command =
            "gzip -c '" + entry.path().string() + "' > '" + (folder / entry.path().filename()).string() + ".gz'";
        REQUIRE(std::system(command.c_str()) == 0);
    }
}

std::string export_of(const std::filesystem::path& database) {
    return test::content_of(*Store::open(database.string()));
}

std::string restore_and_export(const std::filesystem::path& export_file, const std::filesystem::path& database) {
    auto store = Store::open(database.string());
    import_dataset_file(*store, export_file);
    return test::content_of(*store);
}

/// `text` as the inside of a JSON string.
std::string json_escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else {
            out += c;
        }
    }
    return out;
}

/// A UN database built from gzip'd tables, for the quote checks.
struct UngaDatabase {
    test::TempDir dir;
    std::filesystem::path tables = dir / "tables";
    std::unique_ptr<Store> store;

    UngaDatabase() {
        gzip_fixture(tables);
        store = Store::open((dir / "unga.db").string());
        UngaImportOptions options;
        options.full_codes_directory = tables;
        (void)import_unga(*store, tables, options);
    }

    /// A dataset in its own folder with one stance on the votes table at `start`-`end` quoting `quote`.
    std::filesystem::path stance_file(std::uint64_t start, std::uint64_t end, const std::string& quote) {
        const Stance vote = store->stances().front();
        std::filesystem::create_directories(dir / "coding");
        std::filesystem::path file = dir / "coding" / "stance.json";
        test::write_text(file, R"({"stance_dataset": 1, "stances": [{"id": "made-up", "actor": ")" + vote.actor.str() +
                                   R"(", "topic": ")" + vote.topic.str() + R"(", "meeting": ")" + vote.meeting.str() +
                                   R"(", "position": "support", "quote": ")" + json_escaped(quote) +
                                   R"(", "source": {"document": "unvotes-un-votes", "start": )" +
                                   std::to_string(start) + R"(, "end": )" + std::to_string(end) + "}}]}");
        return file;
    }
};

} // namespace

TEST_CASE("a database with gzip'd UN tables exports, restores and re-exports to the same bytes") {
    test::TempDir dir;
    gzip_fixture(dir / "tables");
    {
        auto store = Store::open((dir / "unga.db").string());
        UngaImportOptions options;
        options.full_codes_directory = dir / "tables";
        (void)import_unga(*store, dir / "tables", options);
    }
    const std::string exported = export_of(dir / "unga.db");
    CHECK(exported.find("\"stored\": false") != std::string::npos);
    CHECK(exported.starts_with("{\n  \"stance_dataset\": 2,"));
    test::write_text(dir / "backup.json", exported);
    CHECK(restore_and_export(dir / "backup.json", dir / "restored.db") == exported);

    // Moved elsewhere, and the tables gone: the referenced paths are provenance, not read.
    std::filesystem::create_directories(dir / "elsewhere" / "deeper");
    std::filesystem::rename(dir / "backup.json", dir / "elsewhere" / "deeper" / "backup.json");
    std::filesystem::remove_all(dir / "tables");
    CHECK(restore_and_export(dir / "elsewhere" / "deeper" / "backup.json", dir / "moved.db") == exported);
}

TEST_CASE("a \"stored\": false document needs format 2, a path and a hash, and no text") {
    const auto failure = [](const std::string& document, int version = 2) {
        try {
            (void)parse_dataset("{\"stance_dataset\": " + std::to_string(version) + R"(, "documents": [{"id": "t", )" +
                                    document + "}]}",
                                "in.json", {});
        } catch (const invalid_input_error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    const std::string hash(64, 'a');
    CHECK(failure(R"("stored": false, "path": "/x.csv.gz", "sha256": ")" + hash + '"').empty());
    CHECK(failure(R"("stored": false, "path": "/x.csv.gz", "sha256": ")" + hash + '"', 1) ==
          "in.json: $.documents[0].stored: needs format version 2; write \"stance_dataset\": 2");
    CHECK(failure(R"("stored": false, "sha256": ")" + hash + '"')
              .starts_with("in.json: $.documents[0].path: is required"));
    CHECK(failure(R"("stored": false, "path": "x")").starts_with("in.json: $.documents[0].sha256: is required"));
    CHECK(failure(R"("stored": false, "path": "x", "text": "t", "sha256": ")" + hash + '"')
              .starts_with("in.json: $.documents[0].text: a document with \"stored\": false has no text"));
}

TEST_CASE("a quote on a UN votes table is refused unless its bytes are there and match") {
    UngaDatabase db;
    const std::string before = test::content_of(*db.store);
    constexpr std::uint64_t terabyte = 1'000'000'000'000;
    constexpr std::uint64_t two_to_40 = std::uint64_t{1} << 40;
    const std::filesystem::path made_up = db.stance_file(terabyte, two_to_40, "The Netherlands votes yes");
    SUBCASE("the table is not in a folder the import may read: the quote cannot be checked") {
        const std::string message =
            test::message_of_failure<invalid_input_error>([&] { import_dataset_file(*db.store, made_up); });
        CHECK(message == made_up.string() +
                             ": $.stances[0].source.document: document \"unvotes-un-votes\" keeps no text and its file "
                             "is not in a folder this import may read, so the quote cannot be checked against bytes "
                             "[1000000000000, 1099511627776); allow the folder that holds the file "
                             "(--allow-documents-under DIR), or drop the quote");
    }
    DatasetReadOptions allowed;
    allowed.allowed_document_roots = {db.tables};
    SUBCASE("the table is readable: the span lies past its end") {
        const std::string message =
            test::message_of_failure<invalid_input_error>([&] { import_dataset_file(*db.store, made_up, allowed); });
        CHECK(message.starts_with(made_up.string() +
                                  ": $.stances[0].source.end: 1099511627776 is past the end of document "
                                  "\"unvotes-un-votes\" ("));
    }
    const Stance vote = db.store->stances().front();
    const std::string row = read_source_bytes(db.tables / "un_votes.csv.gz", vote.source->start, vote.source->end);
    SUBCASE("a quote of the row's real bytes is accepted; other words on that row are not") {
        const std::filesystem::path wrong = db.stance_file(vote.source->start, vote.source->end, "not the row");
        const std::string message =
            test::message_of_failure<invalid_input_error>([&] { import_dataset_file(*db.store, wrong, allowed); });
        CHECK(message.find("does not hold the quote: they part at character 1 of the quote") != std::string::npos);
        CHECK(message.find(row) == std::string::npos);
        CHECK_NOTHROW(
            import_dataset_file(*db.store, db.stance_file(vote.source->start, vote.source->end, row), allowed));
        return;
    }
    CHECK(test::content_of(*db.store) == before);
}
