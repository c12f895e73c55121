// A suggestion as JSON: the history's record of it (and reading that back for undo), and the
// library's public form (coding/suggestion_json.hpp); both from one list of keys.
#include "store/suggestion_json.hpp"

#include <algorithm>
#include <cstdint>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "io/json_pretty.hpp"
#include "stance/coding/suggestion_json.hpp"
#include "stance/error.hpp"

namespace json = boost::json;

namespace stance {

namespace detail {

std::string joined_lines(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) {
        text += (text.empty() ? "" : "\n") + line;
    }
    return text;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

namespace {

/// How a record says "no id": the history has always kept "", the library's JSON says null.
enum class NoId : std::uint8_t { empty, null };

template <class Tag> json::value id_value(const std::optional<Id<Tag>>& id, NoId none) {
    if (id) {
        return json::value(id->str());
    }
    return none == NoId::null ? json::value(nullptr) : json::value("");
}

/// The one list of a suggestion's keys, in order; `none` decides how a missing id is written.
json::object suggestion_object(const Suggestion& s, NoId none) {
    json::array cues;
    for (const std::string& cue : s.cues) {
        cues.emplace_back(cue);
    }
    json::object o;
    o["id"] = s.id;
    o["document"] = s.document.str();
    o["start"] = s.start;
    o["end"] = s.end;
    o["actor"] = s.actor.str();
    o["speaker"] = id_value(s.speaker, none);
    o["topic"] = id_value(s.topic, none);
    o["proposition"] = id_value(s.proposition, none);
    o["position"] = to_string(s.kind);
    o["breadth"] = to_string(s.breadth);
    o["basis"] = to_string(s.basis);
    o["reported_by"] = id_value(s.reported_by, none);
    o["confidence"] = s.confidence;
    o["cues"] = std::move(cues);
    o["lexicon_sha256"] = s.lexicon_sha256;
    o["created_at"] = s.created_at;
    o["status"] = to_string(s.status);
    o["stance"] = id_value(s.stance, none);
    o["reviewer"] = s.reviewer;
    o["reviewed_at"] = s.reviewed_at;
    o["reason"] = s.reason;
    return o;
}

} // namespace

std::string suggestion_json(const Suggestion& suggestion) {
    return compact_json(suggestion_object(suggestion, NoId::empty));
}

Suggestion parse_suggestion_json(std::string_view text) try {
    const json::object o = json::parse(text).as_object();
    auto str = [&](std::string_view key) { return std::string(o.at(key).as_string()); };
    Suggestion s;
    s.id = o.at("id").to_number<std::int64_t>();
    s.document = DocumentId{str("document")};
    s.start = o.at("start").to_number<std::size_t>();
    s.end = o.at("end").to_number<std::size_t>();
    s.actor = ActorId{str("actor")};
    s.speaker = id_or_none<ActorId>(str("speaker"));
    s.topic = id_or_none<TopicId>(str("topic"));
    s.proposition = id_or_none<PropositionId>(str("proposition"));
    s.kind = parse_position_kind(str("position")).value_or(PositionKind::neutral);
    s.breadth = parse_breadth(str("breadth")).value_or(Breadth::single);
    s.basis = parse_basis(str("basis")).value_or(Basis::statement);
    s.reported_by = id_or_none<ActorId>(str("reported_by"));
    s.confidence = o.at("confidence").to_number<double>();
    for (const json::value& cue : o.at("cues").as_array()) {
        s.cues.emplace_back(cue.as_string());
    }
    s.lexicon_sha256 = str("lexicon_sha256");
    s.created_at = str("created_at");
    s.status = parse_suggestion_status(str("status")).value_or(SuggestionStatus::open);
    s.stance = id_or_none<StanceId>(str("stance"));
    s.reviewer = str("reviewer");
    s.reviewed_at = str("reviewed_at");
    s.reason = str("reason");
    return s;
} catch (const std::exception& failure) {
    throw invalid_input_error("recorded suggestion", fmt::format("cannot be read back: {}", failure.what()));
}

} // namespace detail

std::string to_json(const Suggestion& suggestion) {
    return detail::compact_json(detail::suggestion_object(suggestion, detail::NoId::null));
}

} // namespace stance
