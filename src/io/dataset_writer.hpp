// The canonical dataset layout written piece by piece: the top object's lists one entity at a time,
// laid out exactly as detail::pretty_json lays out the whole object, so `write_dataset` (one string)
// and the streaming export (store → sink) are the same code and give the same bytes. Internal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "io/entity_writer.hpp"
#include "stance/io/export.hpp"
#include "stance/model/dataset.hpp"

namespace stance::detail {

/// The "stance_dataset" format version a file with these documents needs: 2 only when a document's
/// text is referenced rather than stored, so exports that version 1 readers understand stay so.
[[nodiscard]] int dataset_format_version(const std::vector<Document>& documents);

/// Writes one dataset to `sink`: `item` for each entity, list by list in the canonical order, then
/// `finish`. Output is passed on in pieces of about a megabyte, so memory stays flat however many
/// entities go through.
class DatasetWriter {
public:
    DatasetWriter(const ExportSink& sink, int format_version);

    /// Appends `entity` to the top-level list `list`, opening that list when it is not the current
    /// one: laid out from its table (append_dataset_json), without building its JSON object first.
    template <Described Entity> void item(std::string_view list, const Entity& entity) {
        open_item(list);
        append_dataset_json(m_buffer, entity, 2);
        flush_if_full();
    }
    template <class T> void items(std::string_view list, const std::vector<T>& entities) {
        for (const T& entity : entities) {
            item(list, entity);
        }
    }
    /// Every list of `dataset` in the canonical order (stances last, so more can follow with `item`).
    void lists(const Dataset& dataset);
    /// Closes the last list and the top object, and passes on what is left.
    void finish();

private:
    void open_item(std::string_view list);
    void close_list();
    void flush_if_full();

    const ExportSink& m_sink;
    std::string m_buffer;
    std::string m_list; ///< The list being written; empty before the first.
};

} // namespace stance::detail
