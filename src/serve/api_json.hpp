// The records the API returns, as JSON: each entity in its dataset form (io/dataset_json.hpp's
// entity_json), a suggestion and a change set as the library writes them for every client
// (coding/suggestion_json.hpp, store/change_set_json.hpp), each from the one description of its
// fields, with the display names a page shows beside the ids under "names". docs/http-api.md
// lists the fields.
#pragma once

#include <string_view>

#include <boost/json.hpp>

#include "stance/model/dataset.hpp"
#include "stance/model/suggestion.hpp"
#include "stance/store/history.hpp"
#include "stance/team/coders.hpp"

namespace stance {
class Catalog;
}

namespace stance::serve {

/// The stance as in a dataset, plus "names": actor, topic, proposition (its statement), meeting,
/// speaker and reported_by as the catalog names them, and "etag": the stance's entity tag (etag.hpp).
[[nodiscard]] boost::json::object stance_json(const Stance& stance, const Catalog& catalog);

/// A stored suggestion (not a stance: "status" says open, accepted, edited or rejected) as the
/// library's JSON, plus "names": actor, speaker, topic and proposition (its statement).
[[nodiscard]] boost::json::object suggestion_json(const Suggestion& suggestion, const Catalog& catalog);

/// A document without its text: id, title, language, date, author, origin, sha256, bytes stored.
[[nodiscard]] boost::json::object document_summary_json(const Document& document);

/// A change set with every change, as the library's JSON: the record's state before and after
/// (JSON, or null) and the fields that changed.
[[nodiscard]] boost::json::object change_set_json(const ChangeSet& set);

/// A stance's review state: {"state": "accepted" | "rejected", "reviewer", "comment", "reviewed_at"}
/// for its newest review, {"state": "unreviewed"} when `review` is null.
[[nodiscard]] boost::json::object review_json(const StanceReview* review);

/// Parses JSON the library wrote (entity_json and the query JSON); a failure is the library's bug.
[[nodiscard]] boost::json::value parse_library_json(std::string_view json);

} // namespace stance::serve
