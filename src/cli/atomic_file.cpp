// The steps of a durable replace, in the order POSIX needs them: data, fsync, rename, fsync of the
// directory (without the last, the rename itself may be lost in a power cut).
#include "atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "stance/error.hpp"

namespace stance::cli {

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, std::string_view step, int cause) {
    throw error(fmt::format("cannot write {}: {} failed ({}); check that the directory exists, is writable and "
                            "has space left",
                            file.string(), step, std::strerror(cause)));
}

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

AtomicFile::AtomicFile(std::filesystem::path file) : m_file(std::move(file)), m_partial(m_file) {
    m_partial += ".partial";
    m_fd = ::open(m_partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (m_fd < 0) {
        fail(m_file, fmt::format("creating {}", m_partial.string()), errno);
    }
}

AtomicFile::~AtomicFile() {
    if (m_fd >= 0) {
        ::close(m_fd);
    }
    if (!m_committed) {
        ::unlink(m_partial.c_str());
    }
}

void AtomicFile::write(std::string_view content) {
    write_all(m_fd, content, m_file);
}

void AtomicFile::commit() {
    if (::fsync(m_fd) != 0) {
        fail(m_file, "flushing it to disk", errno);
    }
    const int fd = std::exchange(m_fd, -1);
    if (::close(fd) != 0) { // a close can report a write error the writes did not
        fail(m_file, "closing it", errno);
    }
    if (::rename(m_partial.c_str(), m_file.c_str()) != 0) {
        fail(m_file, fmt::format("renaming {} to it", m_partial.string()), errno);
    }
    m_committed = true; // renamed: nothing left to remove
    sync_directory(m_file);
}

void write_file_atomically(const std::filesystem::path& file, std::string_view content) {
    AtomicFile atomic(file);
    atomic.write(content);
    atomic.commit();
}

} // namespace stance::cli
