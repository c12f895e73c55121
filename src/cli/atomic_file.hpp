// Writing a file so that it holds its old content or all of the new, whatever happens meanwhile.
#pragma once

#include <filesystem>
#include <string_view>

namespace stance::cli {

/// A file written in pieces to `FILE.partial` beside `file`; `commit()` flushes it to disk (fsync),
/// renames it over `file` and flushes the directory, so that after a crash or power cut `file` is
/// either as it was or complete. Destroyed without `commit()` (an exception while writing), the
/// `.partial` is removed and `file` is untouched. Every failure throws stance::error saying what went
/// wrong. A stale `.partial` left by a killed run is overwritten.
class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path file);
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();

    void write(std::string_view content);
    void commit();

private:
    std::filesystem::path m_file;
    std::filesystem::path m_partial;
    int m_fd = -1;
    bool m_committed = false;
};

/// An AtomicFile written with `content` in one piece and committed.
void write_file_atomically(const std::filesystem::path& file, std::string_view content);

} // namespace stance::cli
