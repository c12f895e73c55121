// Records by id, for tools that hold an id from another answer (docs/http-api.md): one stance, the
// meetings, and one meeting with its agenda items, the meetings held within it and its participants.
// Each record is its dataset form (entity_json) with display names beside the ids.
#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <httplib.h>

#include "serve/api_json.hpp"
#include "serve/etag.hpp"
#include "serve/http_error.hpp"
#include "serve/json_body.hpp"
#include "serve/routes.hpp"
#include "serve/store_pool.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/query/catalog.hpp"
#include "stance/store/store.hpp"

namespace stance::serve {

namespace {

void one_stance(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const QueryParams params(request, {});
    const StanceId id{path_id(request, "stance")};
    auto store = api.stores.reader();
    const std::optional<Stance> stance = store->stance(id);
    if (!stance) {
        throw not_found_error(fmt::format("no stance has the id \"{}\"", id.str()));
    }
    response.set_header("ETag", stance_etag(*stance));
    send_json(response, boost::json::object{{"stance", stance_json(*stance, Catalog{*store})}});
}

/// What a meeting's names need besides the catalog: the bodies' names, read once per request.
struct MeetingNames {
    const Catalog& catalog;
    std::map<std::string, std::string> bodies;

    MeetingNames(const Store& store, const Catalog& of) : catalog(of) {
        for (const Body& body : store.bodies()) {
            bodies[body.id.str()] = body.name;
        }
    }
};

boost::json::object meeting_json(const Meeting& meeting, const MeetingNames& names_of) {
    boost::json::object out = parse_library_json(entity_json(meeting)).as_object();
    boost::json::object names{{"body", names_of.bodies.contains(meeting.body.str())
                                           ? names_of.bodies.at(meeting.body.str())
                                           : meeting.body.str()}};
    const Catalog& catalog = names_of.catalog;
    if (meeting.parent) {
        names["parent"] = catalog.meeting_title(*meeting.parent);
    }
    out["names"] = std::move(names);
    return out;
}

// In time order, as a reader looks for them; of one day, by id.
std::vector<const Meeting*> by_date(const std::vector<Meeting>& meetings) {
    std::vector<const Meeting*> out;
    out.reserve(meetings.size());
    for (const Meeting& meeting : meetings) {
        out.push_back(&meeting);
    }
    std::sort(out.begin(), out.end(), [](const Meeting* a, const Meeting* b) {
        return a->date != b->date ? a->date < b->date : a->id.str() < b->id.str();
    });
    return out;
}

void meetings(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const QueryParams params(request, {});
    auto store = api.stores.reader();
    const Catalog catalog{*store};
    const MeetingNames names{*store, catalog};
    std::map<std::string, std::size_t> items_of;
    for (const AgendaItem& item : store->agenda_items()) {
        ++items_of[item.meeting.str()];
    }
    boost::json::array list;
    for (const Meeting* meeting : by_date(catalog.meetings())) {
        boost::json::object entry = meeting_json(*meeting, names);
        entry["agenda_items"] = items_of[meeting->id.str()];
        entry["meetings_within"] = catalog.children(meeting->id).size();
        list.push_back(std::move(entry));
    }
    send_json(response, boost::json::object{{"meetings", std::move(list)}});
}

void one_meeting(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const QueryParams params(request, {});
    const MeetingId id{path_id(request, "meeting")};
    auto store = api.stores.reader();
    const Catalog catalog{*store};
    const Meeting* meeting = catalog.find(id);
    if (meeting == nullptr) {
        throw not_found_error(fmt::format("no meeting has the id \"{}\"", id.str()));
    }
    const MeetingNames names{*store, catalog};
    std::vector<AgendaItem> agenda = store->agenda_items(id);
    std::sort(agenda.begin(), agenda.end(), [](const AgendaItem& a, const AgendaItem& b) {
        return a.order != b.order ? a.order < b.order : a.id.str() < b.id.str();
    });
    boost::json::array items;
    for (const AgendaItem& item : agenda) {
        items.push_back(parse_library_json(entity_json(item)));
    }
    std::vector<Meeting> within;
    for (const MeetingId& child : catalog.children(id)) {
        within.push_back(catalog.meeting(child));
    }
    boost::json::array children;
    for (const Meeting* child : by_date(within)) {
        children.push_back(meeting_json(*child, names));
    }
    boost::json::array participants;
    for (const Participant& participant : store->participants(id)) {
        boost::json::object entry = parse_library_json(entity_json(participant)).as_object();
        boost::json::object labels{{"actor", catalog.actor_name(participant.actor)}};
        if (participant.person) {
            labels["person"] = catalog.actor_name(*participant.person);
        }
        entry["names"] = std::move(labels);
        participants.push_back(std::move(entry));
    }
    send_json(response, boost::json::object{{"meeting", meeting_json(*meeting, names)},
                                            {"agenda_items", std::move(items)},
                                            {"meetings_within", std::move(children)},
                                            {"participants", std::move(participants)}});
}

} // namespace

void add_record_routes(httplib::Server& server, const Api& api) {
    auto route = [&api](ApiHandler handler) { return api_route(api, handler); };
    server.Get("/api/stances/([^/]+)", route(one_stance));
    server.Get("/api/meetings", route(meetings));
    server.Get("/api/meetings/([^/]+)", route(one_meeting));
}

} // namespace stance::serve
