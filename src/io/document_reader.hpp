// Reading a dataset's document: the keys of its table, then its text — written inline, read from
// "path" inside the folders a dataset may read, or only referenced (`"stored": false`) — and the
// SHA-256 that the text must match. Internal.
#pragma once

#include <cstdint>
#include <string>

#include "io/document_folders.hpp"
#include "io/object_reader.hpp"
#include "stance/model/document.hpp"

namespace stance::detail {

/// The first version with `"stored": false` documents (text referenced, never read on import).
inline constexpr std::int64_t reference_documents_version = 2;

/// What reading documents needs besides the object: where texts may come from, and the file's
/// format version.
struct DocumentContext {
    DocumentFolders folders;
    std::int64_t version = 1;
};

[[nodiscard]] Document read_document(ObjectReader& reader, const DocumentContext& context);

} // namespace stance::detail
