// Typed values from the fields of a CSV record: whole numbers, positive ones, 0/1 flags and ISO
// dates. Each refuses a field that is not one with invalid_input_error at the field's
// "file:line:column", naming the column and what the field should be, so every table importer
// reports bad values the same way. Internal to the library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "stance/io/csv.hpp"
#include "stance/model/date.hpp"

namespace stance::detail {

/// Field `index` as a whole number (optional sign, digits only).
[[nodiscard]] std::int64_t csv_integer(const CsvReader& reader, const CsvRecord& record, std::size_t index);
/// Field `index` as a whole number above zero (an id, a session).
[[nodiscard]] std::int64_t csv_positive(const CsvReader& reader, const CsvRecord& record, std::size_t index);
/// Field `index` as 1 (true), 0 (false) or empty (nothing: not coded).
[[nodiscard]] std::optional<bool> csv_flag(const CsvReader& reader, const CsvRecord& record, std::size_t index);
/// Field `index` as a YYYY-MM-DD date that exists.
[[nodiscard]] Date csv_date(const CsvReader& reader, const CsvRecord& record, std::size_t index);

} // namespace stance::detail
