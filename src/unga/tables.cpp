// Finding the UN tables and describing them as documents; see tables.hpp.
#include "unga/tables.hpp"

#include <fmt/format.h>

#include "stance/error.hpp"

namespace stance::unga {

namespace {

// The tables stance ships (data/unvotes, data/voeten_unvotes_2016): SHA-256 of the uncompressed CSV.
// A file with another hash is imported all the same, but its document says it is a different copy.
struct KnownTable {
    std::string_view file;
    std::string_view sha256;
    std::string_view origin;
};

constexpr std::string_view unvotes_origin =
    "R package unvotes 0.3.0 (github.com/cran/unvotes, commit 73ca68e96bcb8dafef6686aad11fb810bf97be15, "
    "data/{}.rda converted to CSV; shipped as data/unvotes/{}.csv.gz). Data: Erik Voeten, United Nations General "
    "Assembly Voting Data, Harvard Dataverse hdl:1902.1/12379, CC0.";
constexpr std::string_view voeten_origin =
    "Erik Voeten, United Nations General Assembly Voting Data, 2016 release with absent and non-member codes "
    "(github.com/dgrtwo/unvotes, commit 7eb7034314ff79c49c9e0785fcd9d216fa04cf14, data-raw/UNVotesPublished.RData; "
    "columns rcid, session, ccode, member, vote; shipped as data/voeten_unvotes_2016/{}.csv.gz). Harvard Dataverse "
    "hdl:1902.1/12379, CC0.";

constexpr std::array known_tables{
    KnownTable{"un_votes", "e77ec504be20f918fe5e01247fa8fa27145d7326cab53416567e73659ff55c05", unvotes_origin},
    KnownTable{"votes_full_codes", "4242435915f441c1eb41fcfe9b4ff1fcdb7f592c928677d59d69817e18363850", voeten_origin},
};

} // namespace

std::filesystem::path find_table(const std::filesystem::path& directory, std::string_view table) {
    for (const char* extension : {".csv.gz", ".csv"}) {
        std::filesystem::path candidate = directory / (std::string(table) + extension);
        if (std::filesystem::is_regular_file(candidate)) {
            return candidate;
        }
    }
    throw invalid_input_error(
        directory.string(),
        fmt::format("neither {0}.csv.gz nor {0}.csv is in this directory; pass the directory that holds the unvotes "
                    "tables (data/unvotes in the stance sources, or your own copy of the CSV files)",
                    table));
}

Document table_document(std::string_view table, const std::filesystem::path& file, const std::string& sha256) {
    Document doc;
    doc.id = DocumentId{table == "un_votes" ? "unvotes-un-votes" : "voeten-2016-votes-full-codes"};
    doc.language = "en";
    doc.author = "Erik Voeten";
    doc.path = std::filesystem::absolute(file).lexically_normal().string();
    doc.sha256 = sha256;
    doc.title = table == "un_votes"
                    ? "UN General Assembly roll-call votes 1946-2019, un_votes.csv (unvotes 0.3.0)"
                    : "UN General Assembly votes with absent and non-member codes, votes_full_codes.csv "
                      "(Voeten 2016 release)";
    for (const KnownTable& known : known_tables) {
        if (known.file == table) {
            doc.origin = known.sha256 == sha256 || sha256.empty()
                             ? fmt::format(fmt::runtime(known.origin), table, table)
                             : fmt::format("{} as read from {}; this copy differs from the table stance ships "
                                           "(its SHA-256 is not {})",
                                           table, doc.path, known.sha256);
        }
    }
    return doc;
}

void report_progress(const UngaProgressCallback& progress, const CsvReader& reader, std::uint64_t rows, bool done) {
    if (progress) {
        const std::string table = std::filesystem::path(reader.name()).filename().string();
        progress(UngaImportProgress{table, rows, reader.source().position(), reader.source().size(), done});
    }
}

} // namespace stance::unga
