// The tables of the UN vote releases as the importer reads them: their columns, where each is found
// in a directory, the document each vote table becomes (with the hash of the copy stance ships), and
// the progress report while one is read.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "stance/io/csv.hpp"
#include "stance/model/document.hpp"
#include "stance/unga/import.hpp"

namespace stance::unga {

inline constexpr std::array<std::string_view, 4> votes_columns{"rcid", "country", "country_code", "vote"};
inline constexpr std::array<std::string_view, 9> roll_call_columns{"rcid",  "session", "importantvote", "date", "unres",
                                                                   "amend", "para",    "short",         "descr"};
inline constexpr std::array<std::string_view, 3> issue_columns{"rcid", "short_name", "issue"};
inline constexpr std::array<std::string_view, 5> full_codes_columns{"rcid", "session", "ccode", "member", "vote"};
inline constexpr std::array<std::string_view, 6> ccode_columns{
    "ccode", "country", "country_code", "matched_votes", "ccode_votes_yes_abst_no", "f1_match"};

/// `<directory>/<table>.csv.gz`, else `<directory>/<table>.csv`. Throws invalid_input_error naming
/// the directory when neither is there.
[[nodiscard]] std::filesystem::path find_table(const std::filesystem::path& directory, std::string_view table);

/// The document a vote table ("un_votes" or "votes_full_codes") becomes: title, author, its absolute
/// path and `sha256` (empty while it is still being read), and where it comes from, which says so
/// when the hash is not that of the copy stance ships.
[[nodiscard]] Document table_document(std::string_view table, const std::filesystem::path& file,
                                      const std::string& sha256);

/// Tells `progress` (when set) how far `reader` has got: `rows` read, finished when `done`.
void report_progress(const UngaProgressCallback& progress, const CsvReader& reader, std::uint64_t rows, bool done);

} // namespace stance::unga
