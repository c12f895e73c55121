// Writes, each through the library's checked write path and recorded in the history: a stance
// coded from a span of a document (coding/code_stance.hpp, as `stance code`), edited, deleted, a
// change set undone, a stored suggestion accepted, edited or rejected (coding/review.hpp). The
// guard has checked the origin, and the token or the session and its CSRF token, before any of
// these runs (guard.hpp); each route checks the permission it needs (team.hpp), and an edit or a
// delete checks the stance's ETag inside its own transaction (etag.hpp).
#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <httplib.h>

#include "serve/api_json.hpp"
#include "serve/etag.hpp"
#include "serve/http_error.hpp"
#include "serve/json_body.hpp"
#include "serve/routes.hpp"
#include "serve/store_pool.hpp"
#include "serve/team.hpp"
#include "stance/coding/code_stance.hpp"
#include "stance/coding/edit_stance.hpp"
#include "stance/coding/review.hpp"
#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/store/store.hpp"

namespace stance::serve {

namespace {

// The JSON name of a coding field: "agenda-item" is "agenda_item", as in a dataset.
std::string json_name(std::string_view field) {
    std::string name(field);
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
}

// The connection a caller writes through: their own on a team server (its author is their name),
// else the server's one writer.
StorePool::WriteLease writer_for(const Api& api, const Caller& who) {
    return api.stores.writer(who.team ? who.name : std::string{});
}

StanceCoding coding_of(const boost::json::object& body, const Caller& who) {
    StanceCoding coding;
    for (const std::string_view field : coding_field_names()) {
        // Numbers may come as numbers, as a form's number input sends them; the rest are text.
        const bool number = field == "score" || field == "confidence" || field == "occurrence";
        const std::string name = json_name(field);
        if (std::optional<std::string> value = number ? scalar_text_field(body, name) : string_field(body, name)) {
            *coding_field(coding, field) = std::move(*value);
        }
    }
    if (const boost::json::value* span = body.if_contains("span"); span != nullptr && !span->is_null()) {
        const boost::json::array* pair = span->if_array();
        boost::system::error_code bad;
        if (pair == nullptr || pair->size() != 2) {
            throw request_error(400, "field \"span\" must be [start, end], byte offsets into the document's text");
        }
        const auto start = (*pair)[0].to_number<std::size_t>(bad);
        const auto end = bad ? 0 : (*pair)[1].to_number<std::size_t>(bad);
        if (bad) {
            throw request_error(400, "field \"span\" must be [start, end], two whole numbers of bytes");
        }
        coding.span = std::pair{start, end};
    }
    if (who.team && !coding.coder.empty() && coding.coder != who.name) {
        throw request_error(403, fmt::format("field \"coder\": a stance coded here carries its coder's own name "
                                             "(\"{}\"), not another's",
                                             who.name));
    }
    if (coding.coder.empty()) {
        coding.coder = who.name; // the logged-in coder, or the workbench's user as --by names them
    }
    return coding;
}

std::int64_t last_change_set_of(const Store& store, const std::string& id, RecordKind kind) {
    HistoryFilter filter;
    filter.entity = id;
    filter.kind = kind;
    filter.limit = 1;
    const std::vector<ChangeSet> sets = store.change_sets(filter);
    return sets.empty() ? 0 : sets.front().id;
}

boost::json::array problems_json(const CodingRun& run) {
    boost::json::array out;
    for (const CodingProblem& problem : run.problems.front()) {
        boost::json::array candidates;
        for (const std::string& candidate : problem.candidates) {
            candidates.emplace_back(candidate);
        }
        out.push_back(
            boost::json::object{{"field", json_name(problem.field)},
                                {"kind", problem.kind == CodingProblem::Kind::not_found ? "not_found" : "invalid"},
                                {"message", problem.message},
                                {"candidates", std::move(candidates)}});
    }
    return out;
}

const std::initializer_list<std::string_view> coding_fields{
    "document",    "actor",   "claim", "position",    "score",      "breadth", "meeting",
    "agenda_item", "speaker", "basis", "reported_by", "paraphrase", "note",    "confidence",
    "coder",       "id",      "quote", "occurrence",  "span"};

void code(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const Caller who = caller(api, request);
    require(who, Permission::code_stances, "to code stances");
    const boost::json::object body = json_object_body(request, coding_fields);
    const StanceCoding coding = coding_of(body, who);
    auto store = writer_for(api, who);
    const CodingRun run = code_stances(*store, std::span(&coding, 1));
    if (!run.written) {
        const std::size_t count = run.problem_count();
        send_error(
            response, 422,
            fmt::format("the stance was not coded: {} problem{}; nothing was written", count, count == 1 ? "" : "s"),
            boost::json::object{{"problems", problems_json(run)}});
        return;
    }
    const CodedStance& coded = run.coded.front();
    const Stance stored = store->stance(coded.stance.id).value_or(coded.stance);
    const Catalog catalog{*store};
    const std::string etag = stance_etag(stored);
    response.set_header("ETag", etag);
    send_json(
        response,
        boost::json::object{{"stance", stance_json(stored, catalog)},
                            {"etag", etag},
                            {"place", boost::json::object{{"line", coded.place.line}, {"column", coded.place.column}}},
                            {"change_set", last_change_set_of(*store, coded.stance.id.str(), RecordKind::stance)}},
        201);
}

// A field naming one of an enumeration's values (`values`: all_position_kinds, all_bases, …).
template <class Value, std::size_t N>
std::optional<Value> choice_field(const boost::json::object& body, std::string_view name,
                                  const std::array<Value, N>& values) {
    const std::optional<std::string> text = string_field(body, name);
    if (!text) {
        return std::nullopt;
    }
    std::string choices;
    for (const Value value : values) {
        if (to_string(value) == *text) {
            return value;
        }
        choices += fmt::format("{}{}", choices.empty() ? "" : ", ", to_string(value));
    }
    throw request_error(400, fmt::format(R"(field "{}": "{}" is not one of {})", name, *text, choices));
}

template <class Id> std::optional<Id> id_field(const boost::json::object& body, std::string_view name) {
    const std::optional<std::string> text = string_field(body, name);
    return text && !text->empty() ? std::optional{Id{*text}} : std::nullopt;
}

// The stance as `session` sees it under the writer's lock, when `if_match` still names its state and
// `who` may change it; else 404, 412 (with the current state and its tag) or 403.
Stance checked_stance(const Store& store, ImportSession& session, const StanceId& id, const std::string& if_match,
                      const Caller& who, std::string_view verb) {
    const std::optional<std::string> state = session.recorded_state(RecordKey{RecordKind::stance, id.str()});
    const std::optional<Stance> stance = store.stance(id);
    if (!state || !stance) {
        throw not_found_error(
            fmt::format("no stance has the id \"{}\" (it may have been deleted meanwhile)", id.str()));
    }
    const std::string etag = state_etag(*state);
    if (!if_match_accepts(if_match, etag)) {
        throw request_error(412,
                            fmt::format("stance \"{}\" changed since you read it (by another coder, or in another "
                                        "tab): nothing was written; here is its current state, {} it again if you "
                                        "still mean to",
                                        id.str(), verb),
                            boost::json::object{{"etag", etag}, {"current", stance_json(*stance, Catalog{store})}});
    }
    const bool own = stance->coder == who.name;
    require(who, own ? Permission::code_stances : Permission::edit_others,
            own ? fmt::format("to {} one's own stances", verb)
                : fmt::format("to {} stances another coder coded (\"{}\" is {}'s)", verb, id.str(),
                              stance->coder.empty() ? "nobody" : stance->coder));
    return *stance;
}

void edit(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const boost::json::object body =
        json_object_body(request, {"position", "score", "quote", "paraphrase", "note", "confidence", "basis", "breadth",
                                   "actor", "topic", "proposition"});
    StanceEdit change;
    change.kind = choice_field(body, "position", all_position_kinds);
    change.score = number_field(body, "score");
    change.quote = string_field(body, "quote");
    change.paraphrase = string_field(body, "paraphrase");
    change.note = string_field(body, "note");
    change.confidence = number_field(body, "confidence");
    change.basis = choice_field(body, "basis", all_bases);
    change.breadth = choice_field(body, "breadth", all_breadths);
    change.actor = id_field<ActorId>(body, "actor");
    change.topic = id_field<TopicId>(body, "topic");
    if (const std::optional<std::string> proposition = string_field(body, "proposition")) {
        change.proposition = PropositionId{*proposition}; // "" takes the proposition off
    }
    if (change.empty()) {
        throw request_error(400, "nothing to change: give at least one field");
    }
    const StanceId id{path_id(request, "stance")};
    const Caller who = caller(api, request);
    const std::string if_match = required_if_match(request, "an edit of a stance");
    auto store = writer_for(api, who);
    auto session = store->begin_import(); // the writer's lock first: what is checked is what is changed
    const Stance current = checked_stance(*store, *session, id, if_match, who, "edit");
    const Stance edited = edited_stance(*store, current, change);
    ChangeNote note;
    note.action = "edit";
    note.by = who.name;
    note.summary = fmt::format("edit of stance \"{}\"", id.str());
    session->note(note);
    session->put(edited);
    session->commit();
    // Read back, so that the tag is the one of the state stored (what the next If-Match is checked against).
    const Stance stored = store->stance(id).value_or(edited);
    const Catalog catalog{*store};
    const std::string etag = stance_etag(stored);
    response.set_header("ETag", etag);
    send_json(response, boost::json::object{{"stance", stance_json(stored, catalog)},
                                            {"etag", etag},
                                            {"change_set", session->change_set_id()}});
}

void remove(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const RecordKey key{RecordKind::stance, path_id(request, "stance")};
    const Caller who = caller(api, request);
    const std::string if_match = required_if_match(request, "a delete of a stance");
    auto store = writer_for(api, who);
    auto session = store->begin_import();
    (void)checked_stance(*store, *session, StanceId{key.id}, if_match, who, "delete");
    ChangeNote note;
    note.action = "delete";
    note.by = who.name;
    note.summary = fmt::format("deleted stance \"{}\"", key.id);
    session->note(note);
    session->remove(key);
    session->commit();
    send_json(response, boost::json::object{{"deleted", boost::json::object{{"kind", "stance"}, {"id", key.id}}},
                                            {"change_set", session->change_set_id()}});
}

void undo(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const boost::json::object body = json_object_body(request, {"change_set"});
    const std::optional<std::int64_t> id = integer_field(body, "change_set");
    if (!id || *id <= 0) {
        throw request_error(400, "field \"change_set\" is required: the number of the change set to undo");
    }
    const Caller who = caller(api, request);
    require(who, Permission::import_data, "to undo change sets");
    auto store = writer_for(api, who);
    ChangeNote note;
    note.by = who.name;
    const std::int64_t change_set = undo_change_set(*store, *id, note);
    send_json(response, boost::json::object{{"undid", *id}, {"change_set", change_set}});
}

const std::initializer_list<std::string_view> review_fields{
    "id",      "actor", "speaker", "topic", "proposition", "position", "score",
    "breadth", "basis", "meeting", "quote", "paraphrase",  "note",     "confidence"};

SuggestionReview review_of(const boost::json::object& body) {
    SuggestionReview review;
    review.id = id_field<StanceId>(body, "id");
    review.actor = id_field<ActorId>(body, "actor");
    review.speaker = id_field<ActorId>(body, "speaker");
    review.topic = id_field<TopicId>(body, "topic");
    review.proposition = id_field<PropositionId>(body, "proposition");
    review.kind = choice_field(body, "position", all_position_kinds);
    review.score = number_field(body, "score");
    review.breadth = choice_field(body, "breadth", all_breadths);
    review.basis = choice_field(body, "basis", all_bases);
    review.meeting = id_field<MeetingId>(body, "meeting");
    review.quote = string_field(body, "quote");
    review.paraphrase = string_field(body, "paraphrase");
    review.note = string_field(body, "note");
    review.confidence = number_field(body, "confidence");
    return review;
}

std::int64_t suggestion_id(const httplib::Request& request) {
    try {
        return std::stoll(request.matches[1].str());
    } catch (const std::exception&) {
        throw request_error(400, fmt::format("\"{}\" is not a suggestion number", request.matches[1].str()));
    }
}

Suggestion suggestion_after(const Store& store, std::int64_t id) {
    SuggestionFilter filter;
    filter.id = id;
    const std::vector<Suggestion> found = store.suggestions(filter);
    if (found.empty()) {
        throw not_found_error(fmt::format("there is no suggestion {}", id));
    }
    return found.front();
}

// The reviewer of a suggestion: 403 without the permission to review.
Caller reviewer_of(const Api& api, const httplib::Request& request) {
    Caller who = caller(api, request);
    require(who, Permission::review, "to review suggestions");
    return who;
}

ChangeNote reviewer(const Caller& who) {
    ChangeNote note;
    note.by = who.name;
    return note;
}

void accept(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const SuggestionReview review = review_of(json_object_body(request, review_fields));
    const std::int64_t id = suggestion_id(request);
    const Caller who = reviewer_of(api, request);
    auto store = writer_for(api, who);
    const Stance stance = accept_suggestion(*store, id, review, reviewer(who));
    const Catalog catalog{*store};
    send_json(response,
              boost::json::object{{"stance", stance_json(stance, catalog)},
                                  {"suggestion", suggestion_json(suggestion_after(*store, id), catalog)},
                                  {"change_set", last_change_set_of(*store, stance.id.str(), RecordKind::stance)}},
              201);
}

void edit_proposal(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const SuggestionReview review = review_of(
        json_object_body(request, {"actor", "speaker", "topic", "proposition", "position", "breadth", "basis"}));
    const std::int64_t id = suggestion_id(request);
    const Caller who = reviewer_of(api, request);
    auto store = writer_for(api, who);
    const Suggestion edited = edit_suggestion(*store, id, review, reviewer(who));
    const Catalog catalog{*store};
    send_json(response, boost::json::object{{"suggestion", suggestion_json(edited, catalog)}});
}

void reject(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const boost::json::object body = json_object_body(request, {"reason"});
    const std::string reason = string_field(body, "reason").value_or("");
    if (reason.empty()) {
        throw request_error(400, "field \"reason\" is required: say why it is not a stance");
    }
    const std::int64_t id = suggestion_id(request);
    const Caller who = reviewer_of(api, request);
    auto store = writer_for(api, who);
    const Suggestion rejected = reject_suggestion(*store, id, reason, reviewer(who));
    const Catalog catalog{*store};
    send_json(response, boost::json::object{{"suggestion", suggestion_json(rejected, catalog)}});
}

} // namespace

void add_write_routes(httplib::Server& server, const Api& api) {
    auto route = [&api](ApiHandler handler) { return api_route(api, handler); };
    server.Post("/api/stances", route(code));
    server.Patch("/api/stances/([^/]+)", route(edit));
    server.Delete("/api/stances/([^/]+)", route(remove));
    server.Post("/api/undo", route(undo));
    server.Post("/api/suggestions/([0-9]+)/accept", route(accept));
    server.Post("/api/suggestions/([0-9]+)/edit", route(edit_proposal));
    server.Post("/api/suggestions/([0-9]+)/reject", route(reject));
}

} // namespace stance::serve
