// The canonical dataset layout, whole or streamed (dataset_writer.hpp): fixed list order, each
// entity in its table's dataset form (entity_writer.hpp), laid out by detail::pretty_json.
// Determinism is the point: export → import → export must give the same bytes.
#include "io/dataset_writer.hpp"

#include <algorithm>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "io/json_pretty.hpp"
#include "stance/io/dataset_json.hpp"

namespace json = boost::json;

namespace stance {

namespace detail {

int dataset_format_version(const std::vector<Document>& documents) {
    return std::any_of(documents.begin(), documents.end(), [](const Document& d) { return d.text.empty(); }) ? 2 : 1;
}

namespace {

constexpr std::size_t flush_size = std::size_t{1} << 20;

} // namespace

// The layout is pretty_json's for the top object: each key on its own line one level in, each
// entity of a list on its own line two levels in.
DatasetWriter::DatasetWriter(const ExportSink& sink, int format_version) : m_sink(sink) {
    m_buffer = fmt::format("{{\n  \"stance_dataset\": {}", format_version);
}

void DatasetWriter::open_item(std::string_view list) {
    if (list != m_list) {
        close_list();
        m_list = list;
        m_buffer += ",\n  ";
        append_json_string(m_buffer, list);
        m_buffer += ": [\n    ";
    } else {
        m_buffer += ",\n    ";
    }
}

void DatasetWriter::lists(const Dataset& dataset) {
    items("documents", dataset.documents);
    items("actors", dataset.actors);
    items("memberships", dataset.memberships);
    items("roles", dataset.roles);
    items("topics", dataset.topics);
    items("propositions", dataset.propositions);
    items("bodies", dataset.bodies);
    items("meetings", dataset.meetings);
    items("agenda_items", dataset.agenda_items);
    items("participants", dataset.participants);
    items("stances", dataset.stances);
}

void DatasetWriter::close_list() {
    if (!m_list.empty()) {
        m_buffer += "\n  ]";
    }
}

void DatasetWriter::finish() {
    close_list();
    m_list.clear();
    m_buffer += "\n}\n";
    m_sink(m_buffer);
    m_buffer.clear();
}

void DatasetWriter::flush_if_full() {
    if (m_buffer.size() >= flush_size) {
        m_sink(m_buffer);
        m_buffer.clear();
    }
}

} // namespace detail

std::string write_dataset(const Dataset& dataset) {
    std::string out;
    const ExportSink sink = [&out](std::string_view piece) { out += piece; };
    detail::DatasetWriter writer(sink, detail::dataset_format_version(dataset.documents));
    writer.lists(dataset);
    writer.finish();
    return out;
}

} // namespace stance
