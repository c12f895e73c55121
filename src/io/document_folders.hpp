// Where a dataset may read documents from. A document's "path" is resolved against the dataset
// file's folder and must stay inside it (or inside a folder the user allowed explicitly): no
// absolute path elsewhere, no ".." out of it, no symbolic link that leads out. The checks answer
// only "inside" or "not inside", never whether a file outside exists, so a refusal cannot be used
// to probe the machine. docs/reliability.md ("What a dataset may read") lists what remains.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stance::detail {

/// A file that lies inside one of the allowed folders: the folder (symbolic links resolved) and the
/// file's path below it, free of links and "..".
struct ConfinedPath {
    std::filesystem::path root;
    std::filesystem::path below_root;

    [[nodiscard]] std::filesystem::path full() const { return root / below_root; }
};

enum class ConfinedReadStatus : std::uint8_t { ok, missing, not_regular, unreadable };

struct ConfinedRead {
    ConfinedReadStatus status = ConfinedReadStatus::ok;
    std::string bytes;
};

class DocumentFolders {
public:
    /// `dataset_folder` is the folder of the dataset file (empty: the current directory);
    /// `extra_roots` are folders the user allowed besides it. Throws invalid_input_error when an
    /// extra root is not an existing folder, or lies under /proc, /sys or /dev.
    DocumentFolders(const std::filesystem::path& dataset_folder, const std::vector<std::filesystem::path>& extra_roots);

    /// Where `written` (a document's "path" as the dataset spells it) leads, when that is inside an
    /// allowed folder; nothing otherwise, whether or not the file exists.
    [[nodiscard]] std::optional<ConfinedPath> resolve(std::string_view written) const;

    /// The folder relative paths are read from, for messages.
    [[nodiscard]] const std::filesystem::path& dataset_folder() const { return m_dataset_folder; }
    [[nodiscard]] bool has_extra_roots() const { return m_roots.size() > 1; }

private:
    struct Root {
        std::filesystem::path as_given;  ///< absolute, lexically normal
        std::filesystem::path canonical; ///< symbolic links resolved
    };
    std::filesystem::path m_dataset_folder;
    std::vector<Root> m_roots;
};

/// Reads a regular file inside an allowed folder. Every component below the root is opened with
/// O_NOFOLLOW, so a link swapped in after `resolve` fails the read instead of leading out; a fifo or
/// a device is opened without blocking and refused as not regular.
[[nodiscard]] ConfinedRead read_confined(const ConfinedPath& file);

} // namespace stance::detail
