// Documents in a dataset: the table's keys, then the text, inline or read from "path", and its hash.
#include "io/document_reader.hpp"

#include <fmt/format.h>

#include "io/entity_reader.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/text/utf8.hpp"

namespace stance::detail {

/// The text of a document given by "path": only a regular, non-empty UTF-8 file inside the folders
/// a dataset may read (a directory or /dev/null would import as an empty document, a fifo could
/// block for ever). A path outside them gets one message whatever the file is, and every message
/// quotes only the path as the dataset wrote it.
namespace {

std::string read_document_text(ObjectReader& r, const DocumentFolders& folders, const std::string& written) {
    const std::string shown = excerpt_in_quotes(written);
    const std::optional<ConfinedPath> file = folders.resolve(written);
    if (!file) {
        r.fail("path", fmt::format("{} is outside the folders a dataset may read documents from (the dataset file's "
                                   "folder{}); put the document beside the dataset, or allow its folder with "
                                   "--allow-documents-under DIR",
                                   shown, folders.has_extra_roots() ? " and the allowed ones" : ""));
    }
    ConfinedRead read = read_confined(*file);
    switch (read.status) {
    case ConfinedReadStatus::ok: break;
    case ConfinedReadStatus::missing:
        r.fail("path", fmt::format("cannot read {}: no such file (a relative path is read from the dataset file's "
                                   "folder)",
                                   shown));
    case ConfinedReadStatus::not_regular:
        r.fail("path", fmt::format("{} is not a regular file; point \"path\" at the document's text file", shown));
    case ConfinedReadStatus::unreadable:
        r.fail("path", fmt::format("cannot read {}: check its permissions, and that no part of the path is a "
                                   "symbolic link changed while reading",
                                   shown));
    }
    if (read.bytes.empty()) {
        r.fail("path", fmt::format("{} is empty; a document needs its text", shown));
    }
    if (!is_valid_utf8(read.bytes)) {
        r.fail("path", fmt::format("{} is not valid UTF-8 text; convert it (iconv -t UTF-8) first", shown));
    }
    return std::move(read.bytes);
}

/// A document whose text the database does not hold (`"stored": false`, e.g. a UN vote table):
/// its path and hash are provenance, kept as written and never opened here, so an export restores
/// wherever the tables are now. Spans into it are checked by validate_dataset when it can be read.
void read_reference_only(ObjectReader& r, const Document& d, const DocumentContext& context) {
    if (context.version < reference_documents_version) {
        r.problem("stored", fmt::format("needs format version {}; write \"stance_dataset\": {}",
                                        reference_documents_version, reference_documents_version));
    }
    if (!d.text.empty()) {
        r.problem("text", "a document with \"stored\": false has no text; drop one of them");
    }
    if (d.path.empty()) {
        r.problem("path", "is required when \"stored\" is false: it says where the text lives");
    }
    if (d.sha256.size() != 64 || d.sha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
        r.problem("sha256", "is required when \"stored\" is false: the 64 lowercase hex digits of the file's SHA-256");
    }
}

} // namespace

Document read_document(ObjectReader& r, const DocumentContext& context) {
    Document d;
    read_fields(r, d);
    d.text = r.optional_string("text");
    d.path = r.optional_string("path");
    if (r.optional_bool("stored") == false) {
        read_reference_only(r, d, context);
        return d;
    }
    if (d.text.empty() && d.path.empty()) {
        r.fail_here(R"(a document needs "text" or "path")");
    }
    if (d.text.empty()) {
        d.text = read_document_text(r, context.folders, d.path);
    }
    const std::string actual = sha256_hex(d.text);
    if (!d.sha256.empty() && d.sha256 != actual) {
        // The real hash is not shown: it would tell what a file holds to someone who cannot read it.
        r.problem("sha256", "does not match the text: the source file changed or the hash is wrong (sha256sum gives "
                            "a file's hash)");
    }
    d.sha256 = actual;
    return d;
}

} // namespace stance::detail
