// Writing CSV, shared by every CSV writer (query tables, network edge and node lists): the quoting
// of one field (RFC 4180), a guard against formula injection, and one record.
//
// Spreadsheets (Excel, LibreOffice, Google Sheets) run a cell that begins with = + - or @ as a
// formula, and some treat a leading tab or carriage return the same way, so a name or quote from a
// dataset could run a formula on the analyst's machine. Such a cell is written with a leading
// apostrophe, inside quotes, which spreadsheets show as text (OWASP's advice on CSV injection).
// A number ("-0.25", "-3") is left as it is, so that figures stay figures.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace stance {

/// The field as is; in double quotes with inner quotes doubled when it holds a comma, a quote or a
/// line break; and with a leading apostrophe, quoted, when a spreadsheet would run it as a formula.
[[nodiscard]] std::string csv_field(std::string_view value);

/// Whether a spreadsheet would run the cell as a formula: it begins with = + - @, a tab or a
/// carriage return, and is not a number.
[[nodiscard]] bool csv_formula_risk(std::string_view value) noexcept;

/// One record: each field through csv_field, separated by commas, ended by a line feed.
void write_csv_row(std::ostream& out, std::span<const std::string> fields);

} // namespace stance
