// Reviews of coded stances on a team server (docs/http-api.md, "Reviews"): a reviewer accepts or
// rejects a stance another coder coded (CoderDirectory::record; the newest review counts), anyone
// logged in reads a stance's reviews, and a reviewer's queue lists the stances of others that no
// one has reviewed yet, document by document. Suggestions are reviewed in write_routes.cpp.
#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <httplib.h>

#include "serve/api_json.hpp"
#include "serve/http_error.hpp"
#include "serve/json_body.hpp"
#include "serve/routes.hpp"
#include "serve/store_pool.hpp"
#include "serve/team.hpp"
#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/store/store.hpp"

namespace stance::serve {

namespace {

boost::json::object review_entry(const StanceReview& review) {
    boost::json::object out = review_json(&review);
    out["stance"] = review.stance.str();
    return out;
}

void record_verdict(const Api& api, const httplib::Request& request, httplib::Response& response,
                    StanceReview::Verdict verdict) {
    const Caller who = caller(api, request);
    require(who, Permission::review, "to review stances");
    const boost::json::object body = json_object_body(request, {"comment"});
    StanceReview review;
    review.stance = StanceId{path_id(request, "stance")};
    review.verdict = verdict;
    review.reviewer = who.name;
    review.comment = string_field(body, "comment").value_or("");
    const std::vector<StanceReview> reviews = api.team->accounts.with([&](CoderDirectory& directory) {
        directory.record(review);
        return directory.reviews(review.stance);
    });
    if (reviews.empty()) {
        throw storage_error(
            fmt::format("the review of stance \"{}\" was recorded but cannot be read back", review.stance.str()));
    }
    send_json(response, boost::json::object{{"review", review_entry(reviews.back())}}, 201);
}

void accept(const Api& api, const httplib::Request& request, httplib::Response& response) {
    record_verdict(api, request, response, StanceReview::Verdict::accepted);
}

void reject(const Api& api, const httplib::Request& request, httplib::Response& response) {
    record_verdict(api, request, response, StanceReview::Verdict::rejected);
}

void reviews_of(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const QueryParams params(request, {});
    const StanceId id{path_id(request, "stance")};
    const std::vector<StanceReview> reviews =
        api.team->accounts.with([&](CoderDirectory& directory) { return directory.reviews(id); });
    boost::json::array list;
    for (const StanceReview& review : reviews) {
        list.push_back(review_entry(review));
    }
    const StanceReview* newest = reviews.empty() ? nullptr : &reviews.back();
    send_json(response, boost::json::object{{"state", review_json(newest)}, {"reviews", std::move(list)}});
}

// Stances with a text to read them in only: a UN vote table's hundreds of thousands of votes are
// recorded facts, not coding to review.
void queue(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const QueryParams params(request, {"limit"});
    const auto limit = static_cast<std::size_t>(params.integer("limit", 1, 1000).value_or(100));
    const Caller who = caller(api, request);
    require(who, Permission::review, "to see the review queue");
    std::map<std::string, bool> reviewed;
    for (const StanceReview& review :
         api.team->accounts.with([](CoderDirectory& directory) { return directory.latest_reviews(); })) {
        reviewed[review.stance.str()] = true;
    }
    auto store = api.stores.reader();
    const Catalog catalog{*store};
    boost::json::array list;
    std::size_t waiting = 0;
    for (const Document& document : store->documents()) {
        if (document.text.empty()) {
            continue;
        }
        StanceFilter filter;
        filter.documents = {document.id};
        for (const Stance& stance : store->stances(filter)) {
            if (stance.coder.empty() || stance.coder == who.name || reviewed.contains(stance.id.str())) {
                continue;
            }
            ++waiting;
            if (list.size() < limit) {
                boost::json::object entry = stance_json(stance, catalog);
                entry["document_title"] = document.title;
                list.push_back(std::move(entry));
            }
        }
    }
    send_json(response, boost::json::object{{"waiting", waiting}, {"stances", std::move(list)}});
}

} // namespace

void add_review_routes(httplib::Server& server, const Api& api) {
    auto route = [&api](ApiHandler handler) { return api_route(api, handler); };
    server.Get("/api/stances/([^/]+)/reviews", route(reviews_of));
    server.Get("/api/review-queue", route(queue));
    if (!api.read_only) {
        server.Post("/api/stances/([^/]+)/accept", route(accept));
        server.Post("/api/stances/([^/]+)/reject", route(reject));
    }
}

} // namespace stance::serve
