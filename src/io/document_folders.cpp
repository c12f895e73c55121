// Confining document paths to the dataset's folder (see document_folders.hpp for the rules).
#include "io/document_folders.hpp"

#include <algorithm>
#include <array>
#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "stance/error.hpp"

namespace stance::detail {

namespace {

namespace fs = std::filesystem;

fs::path without_trailing_separator(fs::path path) {
    path = path.lexically_normal();
    if (path.has_relative_path() && path.filename().empty()) {
        path = path.parent_path();
    }
    return path;
}

/// True when `file` is `root` or below it, compared component by component (so "/data2" is not
/// inside "/data").
bool is_within(const fs::path& file, const fs::path& root) {
    auto f = file.begin();
    for (auto r = root.begin(); r != root.end(); ++r, ++f) {
        if (f == file.end() || *f != *r) {
            return false;
        }
    }
    return true;
}

bool is_system_tree(const fs::path& canonical) {
    static const std::array<fs::path, 3> trees{"/proc", "/sys", "/dev"};
    return std::ranges::any_of(trees, [&](const fs::path& tree) { return is_within(canonical, tree); });
}

/// Closes a file descriptor when it goes out of scope.
class Descriptor {
public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    [[nodiscard]] int get() const { return m_fd; }
    void reset(int fd) {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        m_fd = fd;
    }

private:
    int m_fd;
};

ConfinedReadStatus status_of_errno(int error_number) {
    return error_number == ENOENT || error_number == ENOTDIR ? ConfinedReadStatus::missing
                                                             : ConfinedReadStatus::unreadable;
}

/// Opens `file` below its root one component at a time, never following a link.
int open_without_links(const ConfinedPath& file, int& error_number) {
    Descriptor directory(::open(file.root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (directory.get() < 0) {
        error_number = errno;
        return -1;
    }
    std::vector<fs::path> parts;
    for (const fs::path& part : file.below_root) {
        if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
    }
    if (parts.empty()) {
        return ::dup(directory.get()); // the folder itself: refused as not a regular file
    }
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        const int next = ::openat(directory.get(), parts[i].c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0) {
            error_number = errno;
            return -1;
        }
        directory.reset(next);
    }
    const int fd =
        ::openat(directory.get(), parts.back().c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        error_number = errno;
    }
    return fd;
}

} // namespace

DocumentFolders::DocumentFolders(const fs::path& dataset_folder, const std::vector<fs::path>& extra_roots)
    : m_dataset_folder(dataset_folder.empty() ? fs::path(".") : dataset_folder) {
    auto add = [this](const fs::path& folder, bool is_extra) {
        std::error_code ec;
        const fs::path absolute = without_trailing_separator(fs::absolute(folder, ec));
        fs::path canonical = fs::canonical(folder, ec);
        if (ec || !fs::is_directory(canonical)) {
            if (!is_extra) {
                canonical =
                    absolute; // the folder of a dataset read from a string may not exist: nothing inside it does
            } else {
                throw invalid_input_error(folder.string(), "is not an existing folder; allow a folder that documents "
                                                           "are read from");
            }
        }
        if (is_extra && is_system_tree(canonical)) {
            throw invalid_input_error(folder.string(), "lies under /proc, /sys or /dev, which hold no documents; "
                                                       "allow the folder that holds the texts");
        }
        m_roots.push_back(Root{absolute, canonical});
    };
    add(m_dataset_folder, false);
    for (const fs::path& root : extra_roots) {
        add(root, true);
    }
}

std::optional<ConfinedPath> DocumentFolders::resolve(std::string_view written) const {
    if (written.empty()) {
        return std::nullopt;
    }
    std::error_code ec;
    const fs::path candidate = fs::absolute(m_dataset_folder / fs::path(written), ec).lexically_normal();
    if (ec) {
        return std::nullopt;
    }
    // First without touching the disk: a path that leaves every folder as written is refused before
    // anything outside is looked at, so nothing about the outside can be learnt from the answer.
    const bool inside_as_written = std::any_of(m_roots.begin(), m_roots.end(), [&](const Root& root) {
        return is_within(candidate, root.as_given) || is_within(candidate, root.canonical);
    });
    if (!inside_as_written) {
        return std::nullopt;
    }
    // Then with every link resolved: a link inside the folder must not lead out of it.
    const fs::path resolved = fs::weakly_canonical(candidate, ec);
    if (ec) {
        return std::nullopt;
    }
    for (const Root& root : m_roots) {
        if (is_within(resolved, root.canonical)) {
            return ConfinedPath{root.canonical, resolved.lexically_relative(root.canonical)};
        }
    }
    return std::nullopt;
}

ConfinedRead read_confined(const ConfinedPath& file) {
    int error_number = 0;
    const Descriptor fd(open_without_links(file, error_number));
    if (fd.get() < 0) {
        return ConfinedRead{status_of_errno(error_number), {}};
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) {
        return ConfinedRead{ConfinedReadStatus::unreadable, {}};
    }
    if (!S_ISREG(info.st_mode)) {
        return ConfinedRead{ConfinedReadStatus::not_regular, {}};
    }
    ConfinedRead result;
    std::array<char, 1 << 16> buffer{};
    for (;;) {
        const ssize_t count = ::read(fd.get(), buffer.data(), buffer.size());
        if (count < 0) {
            if (errno == EINTR) {
                continue;
            }
            return ConfinedRead{ConfinedReadStatus::unreadable, {}};
        }
        if (count == 0) {
            break;
        }
        result.bytes.append(buffer.data(), static_cast<std::size_t>(count));
    }
    return result;
}

} // namespace stance::detail
