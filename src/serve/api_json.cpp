#include "serve/api_json.hpp"

#include "serve/etag.hpp"
#include "stance/coding/suggestion_json.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/query/catalog.hpp"
#include "stance/store/change_set_json.hpp"

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
    boost::json::object out = parse_library_json(to_json(s)).as_object();
    boost::json::object names{{"actor", catalog.actor_name(s.actor)}};
    if (s.speaker) {
        names["speaker"] = catalog.actor_name(*s.speaker);
    }
    if (s.topic) {
        names["topic"] = catalog.topic_label(*s.topic);
    }
    if (s.proposition) {
        const Proposition* proposition = catalog.find(*s.proposition);
        names["proposition"] = proposition != nullptr ? proposition->statement : s.proposition->str();
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

boost::json::object change_set_json(const ChangeSet& set) {
    return parse_library_json(to_json(set)).as_object();
}

} // namespace stance::serve
