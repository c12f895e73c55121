// Writing a file so that it holds its old content or all of the new, whatever happens meanwhile.
#pragma once

#include <filesystem>
#include <string_view>

namespace stance::cli {

/// Writes `content` to `FILE.partial` beside `file`, flushes it to disk (fsync), renames it over
/// `file` and flushes the directory, so that after a crash or power cut `file` is either as it was or
/// complete. On any failure the `.partial` is removed and stance::error says what went wrong. A stale
/// `.partial` left by a killed run is overwritten.
void write_file_atomically(const std::filesystem::path& file, std::string_view content);

} // namespace stance::cli
