// The canonical dataset writer: fixed key order, empty optionals omitted, laid out by
// detail::pretty_json. Determinism is the point: export → import → export must give the same bytes.
#include <algorithm>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "io/dataset_writer.hpp"
#include "io/json_pretty.hpp"
#include "stance/io/dataset_json.hpp"

namespace json = boost::json;

namespace stance {

namespace detail {

namespace {

void put(json::object& o, std::string_view key, const std::string& value) {
    if (!value.empty()) {
        o[key] = value;
    }
}

template <class Tag> void put(json::object& o, std::string_view key, const std::optional<Id<Tag>>& value) {
    if (value) {
        o[key] = value->str();
    }
}

void put(json::object& o, std::string_view key, const std::optional<Date>& value) {
    if (value) {
        o[key] = value->iso();
    }
}

template <class Tag> void put(json::object& o, std::string_view key, const std::vector<Id<Tag>>& ids) {
    if (ids.empty()) {
        return;
    }
    json::array list;
    for (const auto& id : ids) {
        list.emplace_back(id.str());
    }
    o[key] = std::move(list);
}

void put(json::object& o, std::string_view key, const std::vector<Name>& names) {
    if (names.empty()) {
        return;
    }
    json::object by_language;
    for (const Name& name : names) {
        json::value& list = by_language[name.language];
        if (!list.is_array()) {
            list.emplace_array();
        }
        list.get_array().emplace_back(name.text);
    }
    o[key] = std::move(by_language);
}

json::object labels_json(const std::vector<Name>& labels) {
    json::object by_language;
    for (const Name& label : labels) {
        by_language[label.language] = label.text;
    }
    return by_language;
}

void put(json::object& o, std::string_view key, const std::vector<Direction>& directions) {
    if (directions.empty()) {
        return;
    }
    json::object by_scale;
    for (const Direction& direction : directions) {
        by_scale[direction.scale.str()] = direction.weight;
    }
    o[key] = std::move(by_scale);
}

} // namespace

json::value to_json(const Document& d) {
    json::object o;
    o["id"] = d.id.str();
    put(o, "title", d.title);
    put(o, "language", d.language);
    put(o, "date", d.date);
    put(o, "author", d.author);
    put(o, "origin", d.origin);
    put(o, "sha256", d.sha256);
    // The text goes inline so the export is self-contained. A text that was never stored (a large
    // data file referenced by path) is written as provenance: its path as recorded and
    // "stored": false, which tells the reader not to open the file (docs/dataset-format.md).
    if (!d.text.empty()) {
        o["text"] = d.text;
    } else {
        put(o, "path", d.path);
        o["stored"] = false;
    }
    return o;
}

json::value to_json(const Actor& a) {
    json::object o;
    o["id"] = a.id.str();
    o["kind"] = to_string(a.kind);
    o["name"] = a.name;
    put(o, "iso2", a.iso2);
    put(o, "iso3", a.iso3);
    put(o, "aliases", a.aliases);
    return o;
}

json::value to_json(const Membership& m) {
    json::object o;
    o["member"] = m.member.str();
    o["group"] = m.group.str();
    put(o, "from", m.from);
    put(o, "to", m.to);
    return o;
}

json::value to_json(const Role& r) {
    json::object o;
    o["person"] = r.person.str();
    o["represents"] = r.represents.str();
    o["title"] = r.title;
    put(o, "from", r.from);
    put(o, "to", r.to);
    return o;
}

json::value to_json(const Topic& t) {
    json::object o;
    o["id"] = t.id.str();
    o["label"] = t.label;
    put(o, "parents", t.parents);
    put(o, "aliases", t.aliases);
    if (t.scale) {
        json::object scale;
        scale["minus"] = labels_json(t.scale->minus);
        scale["plus"] = labels_json(t.scale->plus);
        o["scale"] = std::move(scale);
    }
    put(o, "directions", t.directions);
    return o;
}

json::value to_json(const Proposition& p) {
    json::object o;
    o["id"] = p.id.str();
    o["topic"] = p.topic.str();
    o["statement"] = p.statement;
    put(o, "directions", p.directions);
    return o;
}

json::value to_json(const Body& b) {
    json::object o;
    o["id"] = b.id.str();
    o["name"] = b.name;
    put(o, "organisation", b.organisation);
    put(o, "aliases", b.aliases);
    return o;
}

json::value to_json(const Meeting& m) {
    json::object o;
    o["id"] = m.id.str();
    o["body"] = m.body.str();
    o["date"] = m.date.iso();
    put(o, "end_date", m.end_date);
    put(o, "title", m.title);
    put(o, "level", m.level);
    put(o, "place", m.place);
    put(o, "parent", m.parent);
    return o;
}

json::value to_json(const AgendaItem& a) {
    json::object o;
    o["id"] = a.id.str();
    o["meeting"] = a.meeting.str();
    o["order"] = a.order;
    o["title"] = a.title;
    put(o, "code", a.code);
    put(o, "description", a.description);
    put(o, "topics", a.topics);
    if (!a.roll_call.empty()) {
        json::object flags;
        for (const auto& [key, flag] :
             {std::pair{"important", a.roll_call.important}, std::pair{"amendment", a.roll_call.amendment},
              std::pair{"paragraph", a.roll_call.paragraph}}) {
            if (flag) {
                flags[key] = *flag;
            }
        }
        o["roll_call"] = std::move(flags);
    }
    return o;
}

json::value to_json(const Participant& p) {
    json::object o;
    o["meeting"] = p.meeting.str();
    o["actor"] = p.actor.str();
    put(o, "person", p.person);
    put(o, "role", p.role);
    return o;
}

json::value to_json(const Stance& s) {
    json::object o;
    o["id"] = s.id.str();
    o["actor"] = s.actor.str();
    put(o, "includes", s.includes);
    put(o, "speaker", s.speaker);
    o["topic"] = s.topic.str();
    put(o, "proposition", s.proposition);
    o["meeting"] = s.meeting.str();
    put(o, "agenda_item", s.agenda_item);
    o["position"] = to_string(s.kind);
    o["score"] = s.score;
    if (s.breadth != Breadth::single) {
        o["breadth"] = to_string(s.breadth);
    }
    put(o, "quote", s.quote);
    put(o, "paraphrase", s.paraphrase);
    if (s.source) {
        json::object source;
        source["document"] = s.source->document.str();
        source["start"] = s.source->start;
        source["end"] = s.source->end;
        if (s.source->page) {
            source["page"] = *s.source->page;
        }
        o["source"] = std::move(source);
    }
    put(o, "reported_by", s.reported_by);
    // Omitted when it is what the reader assumes, as breadth and confidence are.
    if (s.basis != (s.reported_by ? Basis::reported : Basis::statement)) {
        o["basis"] = to_string(s.basis);
    }
    if (s.confidence != 1.0) {
        o["confidence"] = s.confidence;
    }
    put(o, "coder", s.coder);
    put(o, "coded_at", s.coded_at);
    put(o, "stated_on", s.stated_on);
    put(o, "note", s.note);
    return o;
}

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

void DatasetWriter::item(std::string_view list, const json::value& entity) {
    if (list != m_list) {
        close_list();
        m_list = list;
        m_buffer += ",\n  ";
        m_buffer += json::serialize(json::string(list));
        m_buffer += ": [\n    ";
    } else {
        m_buffer += ",\n    ";
    }
    append_pretty_json(m_buffer, entity, 2);
    flush_if_full();
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
