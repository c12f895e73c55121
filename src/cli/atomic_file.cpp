// The steps of a durable replace, in the order POSIX needs them: data, fsync, rename, fsync of the
// directory (without the last, the rename itself may be lost in a power cut).
#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "stance/error.hpp"

namespace stance::cli {

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, std::string_view step, int cause) {
    throw error(fmt::format("cannot write {}: {} failed ({}); check that the directory exists, is writable and "
                            "has space left",
                            file.string(), step, std::strerror(cause)));
}

/// Closes a file descriptor, and removes the temporary file unless the replace went through.
class PartialFile {
public:
    explicit PartialFile(std::filesystem::path path) : m_path(std::move(path)) {
        m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    }
    PartialFile(const PartialFile&) = delete;
    PartialFile& operator=(const PartialFile&) = delete;
    ~PartialFile() {
        close();
        if (!m_kept) {
            ::unlink(m_path.c_str());
        }
    }
    [[nodiscard]] int fd() const noexcept { return m_fd; }
    /// Closes the descriptor; false when the close reported a write error.
    bool close() noexcept {
        const bool ok = m_fd < 0 || ::close(m_fd) == 0;
        m_fd = -1;
        return ok;
    }
    void keep() noexcept { m_kept = true; }

private:
    std::filesystem::path m_path;
    int m_fd = -1;
    bool m_kept = false;
};

void write_all(int fd, std::string_view content, const std::filesystem::path& file) {
    while (!content.empty()) {
        const ssize_t written = ::write(fd, content.data(), content.size());
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            fail(file, "writing", errno);
        }
        content.remove_prefix(static_cast<std::size_t>(written));
    }
}

void sync_directory(const std::filesystem::path& file) {
    const std::filesystem::path directory = file.parent_path().empty() ? "." : file.parent_path();
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        fail(file, "opening its directory to flush it", errno);
    }
    const int result = ::fsync(fd);
    const int cause = errno;
    ::close(fd);
    if (result != 0) {
        fail(file, "flushing its directory to disk", cause);
    }
}

} // namespace

void write_file_atomically(const std::filesystem::path& file, std::string_view content) {
    std::filesystem::path temporary = file;
    temporary += ".partial";
    PartialFile partial(temporary);
    if (partial.fd() < 0) {
        fail(file, fmt::format("creating {}", temporary.string()), errno);
    }
    write_all(partial.fd(), content, file);
    if (::fsync(partial.fd()) != 0) {
        fail(file, "flushing it to disk", errno);
    }
    if (!partial.close()) {
        fail(file, "closing it", errno);
    }
    if (::rename(temporary.c_str(), file.c_str()) != 0) {
        fail(file, fmt::format("renaming {} to it", temporary.string()), errno);
    }
    partial.keep(); // renamed: nothing left to remove
    sync_directory(file);
}

} // namespace stance::cli
