// Showing a source again: the bytes of a span of a data file, read through `open_data_file`
// (io/csv.hpp), so a gzip-compressed table is read as its uncompressed text. A vote's source row
// (a CSV record's byte span) comes back this way from its document's `path`, and the checks of
// referenced spans (`stance check`, validation) compare quotes against it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace stance {

/// The bytes `[start, end)` of a (possibly gzip-compressed) data file. Throws invalid_input_error
/// when the span ends before it starts or the file is shorter than `end`.
[[nodiscard]] std::string read_source_bytes(const std::filesystem::path& file, std::uint64_t start, std::uint64_t end);

} // namespace stance
