#include "serve/api_json.hpp"

#include "serve/etag.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/query/catalog.hpp"

namespace stance::serve {

boost::json::object review_json(const StanceReview* review) {
    if (review == nullptr) {
        return boost::json::object{{"state", "unreviewed"}};
    }
    return boost::json::object{{"state", to_string(review->verdict)},
                               {"reviewer", review->reviewer},
                               {"comment", review->comment},
                               {"reviewed_at", review->reviewed_at}};
}

boost::json::value parse_library_json(std::string_view json) {
    return boost::json::parse(json);
}

boost::json::object stance_json(const Stance& stance, const Catalog& catalog) {
    const std::string recorded = entity_json(stance);
    boost::json::object out = parse_library_json(recorded).as_object();
    boost::json::object names{{"actor", catalog.actor_name(stance.actor)},
                              {"topic", catalog.topic_label(stance.topic)},
                              {"meeting", catalog.meeting_title(stance.meeting)}};
    if (stance.proposition) {
        const Proposition* proposition = catalog.find(*stance.proposition);
        names["proposition"] = proposition != nullptr ? proposition->statement : stance.proposition->str();
    }
    if (stance.speaker) {
        names["speaker"] = catalog.actor_name(*stance.speaker);
    }
    if (stance.reported_by) {
        names["reported_by"] = catalog.actor_name(*stance.reported_by);
    }
    out["names"] = std::move(names);
    out["etag"] = state_etag(recorded); // what an edit or delete of it sends back as If-Match
    return out;
}

boost::json::object suggestion_json(const Suggestion& s, const Catalog& catalog) {
    boost::json::object out{{"id", s.id},
                            {"document", s.document.str()},
                            {"start", s.start},
                            {"end", s.end},
                            {"actor", s.actor.str()},
                            {"position", to_string(s.kind)},
                            {"breadth", to_string(s.breadth)},
                            {"basis", to_string(s.basis)},
                            {"confidence", s.confidence},
                            {"status", to_string(s.status)},
                            {"created_at", s.created_at}};
    boost::json::object names{{"actor", catalog.actor_name(s.actor)}};
    if (s.speaker) {
        out["speaker"] = s.speaker->str();
        names["speaker"] = catalog.actor_name(*s.speaker);
    }
    if (s.topic) {
        out["topic"] = s.topic->str();
        names["topic"] = catalog.topic_label(*s.topic);
    }
    if (s.proposition) {
        out["proposition"] = s.proposition->str();
        const Proposition* proposition = catalog.find(*s.proposition);
        names["proposition"] = proposition != nullptr ? proposition->statement : s.proposition->str();
    }
    if (s.reported_by) {
        out["reported_by"] = s.reported_by->str();
    }
    boost::json::array cues;
    for (const std::string& cue : s.cues) {
        cues.emplace_back(cue);
    }
    out["cues"] = std::move(cues);
    if (s.stance) {
        out["stance"] = s.stance->str();
    }
    if (!s.reviewer.empty()) {
        out["reviewer"] = s.reviewer;
        out["reviewed_at"] = s.reviewed_at;
    }
    if (!s.reason.empty()) {
        out["reason"] = s.reason;
    }
    out["names"] = std::move(names);
    return out;
}

boost::json::object document_summary_json(const Document& document) {
    boost::json::object out{{"id", document.id.str()},       {"title", document.title},
                            {"language", document.language}, {"author", document.author},
                            {"origin", document.origin},     {"sha256", document.sha256},
                            {"bytes", document.text.size()}, {"text_stored", !document.text.empty()}};
    out["date"] = document.date ? boost::json::value(document.date->iso()) : boost::json::value(nullptr);
    return out;
}

namespace {

boost::json::value state_json(const std::optional<std::string>& state) {
    return state ? parse_library_json(*state) : boost::json::value(nullptr);
}

} // namespace

boost::json::object change_set_json(const ChangeSet& set) {
    boost::json::array changes;
    for (const EntityChange& change : set.changes) {
        boost::json::array fields;
        for (const FieldChange& field : changed_fields(change)) {
            fields.push_back(
                boost::json::object{{"field", field.field}, {"before", field.before}, {"after", field.after}});
        }
        changes.push_back(boost::json::object{{"kind", to_string(change.key.kind)},
                                              {"id", change.key.id},
                                              {"before", state_json(change.before)},
                                              {"after", state_json(change.after)},
                                              {"fields", std::move(fields)}});
    }
    boost::json::object out{{"id", set.id},
                            {"action", set.action},
                            {"by", set.by},
                            {"at", set.at},
                            {"summary", set.summary},
                            {"bulk_stances", set.bulk_stances},
                            {"changes", std::move(changes)}};
    out["undoes"] = set.undoes ? boost::json::value(*set.undoes) : boost::json::value(nullptr);
    out["undone_by"] = set.undone_by ? boost::json::value(*set.undone_by) : boost::json::value(nullptr);
    return out;
}

} // namespace stance::serve
