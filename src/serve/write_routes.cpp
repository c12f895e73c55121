// Writes, each through the library's checked write path and recorded in the history: a stance
// coded from a span of a document (coding/code_stance.hpp, as `stance code`), edited, deleted, a
// change set undone, a stored suggestion accepted, edited or rejected (coding/review.hpp). The
// guard has checked the token and the origin before any of these runs (guard.hpp).
#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <httplib.h>

#include "serve/api_json.hpp"
#include "serve/http_error.hpp"
#include "serve/json_body.hpp"
#include "serve/routes.hpp"
#include "serve/store_pool.hpp"
#include "stance/coding/code_stance.hpp"
#include "stance/coding/edit_stance.hpp"
#include "stance/coding/review.hpp"
#include "stance/error.hpp"
#include "stance/query/catalog.hpp"

namespace stance::serve {

namespace {

// The JSON name of a coding field: "agenda-item" is "agenda_item", as in a dataset.
std::string json_name(std::string_view field) {
    std::string name(field);
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
}

StanceCoding coding_of(const boost::json::object& body, const std::string& author) {
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
    if (coding.coder.empty()) {
        coding.coder = author; // the workbench's user, as --by names them
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
    const boost::json::object body = json_object_body(request, coding_fields);
    const StanceCoding coding = coding_of(body, api.author);
    auto store = api.stores.writer();
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
    const Catalog catalog{*store};
    send_json(
        response,
        boost::json::object{{"stance", stance_json(coded.stance, catalog)},
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
    throw request_error(400, fmt::format("field \"{}\": \"{}\" is not one of {}", name, *text, choices));
}

template <class Id> std::optional<Id> id_field(const boost::json::object& body, std::string_view name) {
    const std::optional<std::string> text = string_field(body, name);
    return text && !text->empty() ? std::optional{Id{*text}} : std::nullopt;
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
    auto store = api.stores.writer();
    ChangeNote note;
    note.by = api.author;
    note.summary = fmt::format("edit of stance \"{}\"", id.str());
    const Stance edited = edit_stance(*store, id, change, note);
    const Catalog catalog{*store};
    send_json(response, boost::json::object{{"stance", stance_json(edited, catalog)},
                                            {"change_set", last_change_set_of(*store, id.str(), RecordKind::stance)}});
}

void remove(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const RecordKey key{RecordKind::stance, path_id(request, "stance")};
    auto store = api.stores.writer();
    ChangeNote note;
    note.by = api.author;
    note.summary = fmt::format("deleted stance \"{}\"", key.id);
    const std::int64_t change_set = delete_entity(*store, key, note);
    send_json(response, boost::json::object{{"deleted", boost::json::object{{"kind", "stance"}, {"id", key.id}}},
                                            {"change_set", change_set}});
}

void undo(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const boost::json::object body = json_object_body(request, {"change_set"});
    const std::optional<std::int64_t> id = integer_field(body, "change_set");
    if (!id || *id <= 0) {
        throw request_error(400, "field \"change_set\" is required: the number of the change set to undo");
    }
    auto store = api.stores.writer();
    ChangeNote note;
    note.by = api.author;
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

ChangeNote reviewer(const Api& api) {
    ChangeNote note;
    note.by = api.author;
    return note;
}

void accept(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const SuggestionReview review = review_of(json_object_body(request, review_fields));
    const std::int64_t id = suggestion_id(request);
    auto store = api.stores.writer();
    const Stance stance = accept_suggestion(*store, id, review, reviewer(api));
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
    auto store = api.stores.writer();
    const Suggestion edited = edit_suggestion(*store, id, review, reviewer(api));
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
    auto store = api.stores.writer();
    const Suggestion rejected = reject_suggestion(*store, id, reason, reviewer(api));
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
