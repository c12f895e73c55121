// Reads: what the server is, the documents and one document with its coded spans, completion of
// names, the history, stored suggestions, and the export (docs/http-api.md).
#include <algorithm>
#include <cstdint>
#include <iostream>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <httplib.h>

#include "serve/api_json.hpp"
#include "serve/http_error.hpp"
#include "serve/json_body.hpp"
#include "serve/routes.hpp"
#include "serve/store_pool.hpp"
#include "serve/team.hpp"
#include "stance/error.hpp"
#include "stance/io/export.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/complete.hpp"
#include "stance/query/resolve.hpp"
#include "stance/store/store.hpp"

namespace stance::serve {

namespace {

void info(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const QueryParams params(request, {});
    auto store = api.stores.reader();
    send_json(response,
              boost::json::object{
                  {"name", "stance"},
                  {"version", STANCE_VERSION},
                  {"schema_version", store->schema_version()},
                  {"read_only", api.read_only},
                  {"team", api.team != nullptr},
                  {"writes_need", api.read_only         ? "nothing: this server has no write routes"
                                  : api.team != nullptr ? "a coder's session (POST /api/login), its CSRF token "
                                                          "(X-CSRF-Token) and the permission of the route"
                                                        : "the token (Authorization: Bearer, or X-Stance-Token)"},
                  {"limits", boost::json::object{{"body_bytes", api.max_body_bytes},
                                                 {"requests_per_second", api.requests_per_second},
                                                 {"burst", api.burst}}},
              });
}

void documents(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const QueryParams params(request, {});
    auto store = api.stores.reader();
    boost::json::array list;
    for (const Document& document : store->documents()) {
        list.push_back(document_summary_json(document));
    }
    send_json(response, boost::json::object{{"documents", std::move(list)}});
}

// The newest review of each stance, by stance id; none without --team (no accounts are opened).
std::map<std::string, StanceReview> newest_reviews(const Api& api) {
    std::map<std::string, StanceReview> out;
    if (api.team == nullptr) {
        return out;
    }
    for (StanceReview& review :
         api.team->accounts.with([](CoderDirectory& directory) { return directory.latest_reviews(); })) {
        std::string id = review.stance.str();
        out.emplace(std::move(id), std::move(review));
    }
    return out;
}

void one_document(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const QueryParams params(request, {});
    const DocumentId id{path_id(request, "document")};
    auto store = api.stores.reader();
    const Catalog catalog{*store};
    const std::optional<Document> document = store->document(id);
    if (!document) {
        throw not_found_error(fmt::format("no document has the id \"{}\"", id.str()));
    }
    boost::json::object out{{"document", document_summary_json(*document)}};
    out["document"].as_object()["text"] = document->text;
    // A document whose text is not stored (a UN vote table) has no spans to show, and may be the
    // source of hundreds of thousands of votes: its stances are not listed here.
    boost::json::array stances;
    boost::json::array suggestions;
    if (!document->text.empty()) {
        StanceFilter filter;
        filter.documents = {id};
        const std::map<std::string, StanceReview> reviews = newest_reviews(api);
        for (const Stance& stance : store->stances(filter)) {
            boost::json::object entry = stance_json(stance, catalog);
            if (api.team != nullptr) {
                const auto review = reviews.find(stance.id.str());
                entry["review"] = review_json(review == reviews.end() ? nullptr : &review->second);
            }
            stances.push_back(std::move(entry));
        }
        SuggestionFilter open;
        open.document = id;
        open.status = SuggestionStatus::open;
        for (const Suggestion& suggestion : store->suggestions(open)) {
            suggestions.push_back(suggestion_json(suggestion, catalog));
        }
    }
    out["stances_listed"] = !document->text.empty();
    out["stances"] = std::move(stances);
    out["suggestions"] = std::move(suggestions);
    send_json(response, out);
}

NameKind name_kind(const std::string& kind) {
    if (kind == "actor") {
        return NameKind::actor;
    }
    if (kind == "person" || kind == "speaker") {
        return NameKind::person;
    }
    if (kind == "topic") {
        return NameKind::topic;
    }
    if (kind == "meeting") {
        return NameKind::meeting;
    }
    throw request_error(400, fmt::format("parameter \"kind\": \"{}\" is not one of actor, person, topic, "
                                         "proposition, claim, meeting",
                                         kind));
}

boost::json::array matches_json(const std::vector<NameMatch>& matches, std::string_view kind) {
    boost::json::array out;
    for (const NameMatch& match : matches) {
        out.push_back(boost::json::object{
            {"id", match.id}, {"label", match.display}, {"kind", kind}, {"resolves", match.resolves}});
    }
    return out;
}

// A claim is what `stance code --claim` takes: a proposition by its id, else a topic by any name.
std::vector<std::pair<NameMatch, std::string_view>> claim_matches(const Store& store, const Catalog& catalog,
                                                                  const std::string& typed, std::size_t limit) {
    std::vector<std::pair<NameMatch, std::string_view>> out;
    const std::vector<NameMatch> propositions = complete_propositions(store.propositions(), typed, limit);
    const bool proposition_id = catalog.find(PropositionId{typed}) != nullptr;
    for (NameMatch match : propositions) {
        match.resolves = match.resolves && match.id == typed;
        out.emplace_back(std::move(match), "proposition");
    }
    for (NameMatch match : complete_names(catalog, NameKind::topic, typed, limit)) {
        match.resolves = match.resolves && !proposition_id;
        out.emplace_back(std::move(match), "topic");
    }
    std::stable_partition(out.begin(), out.end(), [](const auto& item) { return item.first.resolves; });
    if (out.size() > limit) {
        out.resize(limit);
    }
    return out;
}

void complete(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const QueryParams params(request, {"kind", "q", "limit"});
    const std::string kind = params.required("kind");
    const std::string typed = params.text("q");
    const auto limit = static_cast<std::size_t>(params.integer("limit", 1, 50).value_or(10));
    auto store = api.stores.reader();
    const Catalog catalog{*store};
    boost::json::array matches;
    if (kind == "proposition") {
        matches = matches_json(complete_propositions(store->propositions(), typed, limit), kind);
    } else if (kind == "claim") {
        for (const auto& [match, of] : claim_matches(*store, catalog, typed, limit)) {
            matches.push_back(boost::json::object{
                {"id", match.id}, {"label", match.display}, {"kind", of}, {"resolves", match.resolves}});
        }
    } else {
        matches = matches_json(complete_names(catalog, name_kind(kind), typed, limit), kind);
    }
    send_json(response, boost::json::object{{"kind", kind}, {"q", typed}, {"matches", std::move(matches)}});
}

void history(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const QueryParams params(request, {"entity", "kind", "change_set", "limit"});
    HistoryFilter filter;
    filter.limit = static_cast<std::size_t>(params.integer("limit", 1, 1000).value_or(20));
    filter.change_set = params.integer("change_set", 1, INT64_MAX);
    if (std::string entity = params.text("entity"); !entity.empty()) {
        filter.entity = std::move(entity);
    }
    if (const std::string kind = params.text("kind"); !kind.empty()) {
        filter.kind = parse_record_kind(kind);
        if (!filter.kind) {
            throw request_error(400, fmt::format("parameter \"kind\": \"{}\" is not a kind of record (stance, "
                                                 "document, actor, topic, meeting, suggestion, …)",
                                                 kind));
        }
    }
    auto store = api.stores.reader();
    boost::json::array sets;
    for (const ChangeSet& set : store->change_sets(filter)) {
        sets.push_back(change_set_json(set));
    }
    send_json(response, boost::json::object{{"change_sets", std::move(sets)}});
}

void suggestions(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const QueryParams params(request, {"document", "status"});
    SuggestionFilter filter;
    if (const std::string document = params.text("document"); !document.empty()) {
        filter.document = DocumentId{document};
    }
    const std::string status = params.text("status").empty() ? "open" : params.text("status");
    if (status != "all") {
        filter.status = parse_suggestion_status(status);
        if (!filter.status) {
            throw request_error(400, fmt::format("parameter \"status\": \"{}\" is not one of open, accepted, "
                                                 "edited, rejected, all",
                                                 status));
        }
    }
    auto store = api.stores.reader();
    const Catalog catalog{*store};
    boost::json::array list;
    for (const Suggestion& suggestion : store->suggestions(filter)) {
        list.push_back(suggestion_json(suggestion, catalog));
    }
    send_json(response, boost::json::object{{"suggestions", std::move(list)}});
}

// The selection is checked before the first byte goes out: once streaming, the status is sent.
ExportSelection export_selection(const Store& store, const QueryParams& params) {
    ExportSelection selection;
    if (const std::string document = params.text("document"); !document.empty()) {
        if (!store.exists(EntityKind::document, document)) {
            throw not_found_error(fmt::format("no document has the id \"{}\"", document));
        }
        selection.document = DocumentId{document};
    }
    if (const std::string meeting = params.text("meeting"); !meeting.empty()) {
        selection.meeting = resolve_meeting(Catalog{store}, meeting);
    }
    if (std::string coder = params.text("coder"); !coder.empty()) {
        StanceFilter filter;
        filter.coders = {coder};
        if (store.stances(filter).empty()) {
            throw not_found_error(fmt::format("no stance was coded by \"{}\"", coder));
        }
        selection.coder = std::move(coder);
    }
    return selection;
}

void export_data(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const QueryParams params(request, {"document", "meeting", "coder"});
    auto store = std::make_shared<StorePool::Lease>(api.stores.reader());
    const ExportSelection selection = export_selection(**store, params);
    const std::string name = selection.document ? selection.document->str() : "stance-export";
    response.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}.json\"", name));
    // Streamed as it is written, so that the whole UN history never sits in memory (io/export.hpp).
    response.set_chunked_content_provider(
        "application/json; charset=utf-8", [store, selection](std::size_t, httplib::DataSink& sink) {
            try {
                export_dataset(
                    **store,
                    [&sink](std::string_view piece) {
                        if (!sink.write(piece.data(), piece.size())) {
                            throw error("the client stopped reading the export");
                        }
                    },
                    selection);
            } catch (const std::exception& failure) {
                // The status is sent: breaking the connection is how the client learns it is cut short.
                std::cerr << "stance serve: export cut short: " << failure.what() << '\n';
                return false;
            }
            sink.done();
            return true;
        });
}

} // namespace

void add_read_routes(httplib::Server& server, const Api& api) {
    auto route = [&api](ApiHandler handler) { return api_route(api, handler); };
    server.Get("/api/info", route(info));
    server.Get("/api/documents", route(documents));
    server.Get("/api/documents/([^/]+)", route(one_document));
    server.Get("/api/complete", route(complete));
    server.Get("/api/history", route(history));
    server.Get("/api/suggestions", route(suggestions));
    server.Get("/api/export", route(export_data));
}

} // namespace stance::serve
