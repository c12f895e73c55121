// The analyses the pages draw: an actor's evolution on a topic, who stood where at a meeting, the
// agreement matrix of a session and two actors' agreement over time, each as the JSON the CLI
// writes with --format json and as the SVG chart of the one renderer (src/chart) the CLI uses.
#include <map>

#include <fmt/format.h>
#include <httplib.h>

#include "serve/http_error.hpp"
#include "serve/json_body.hpp"
#include "serve/routes.hpp"
#include "serve/store_pool.hpp"
#include "stance/chart/charts.hpp"
#include "stance/chart/seriation.hpp"
#include "stance/error.hpp"
#include "stance/query/agreement.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/json.hpp"
#include "stance/query/resolve.hpp"
#include "stance/query/snapshot.hpp"
#include "stance/unga/import.hpp"

namespace stance::serve {

namespace {

std::optional<Date> date_param(const QueryParams& params, std::string_view name) {
    const std::string text = params.text(name);
    if (text.empty()) {
        return std::nullopt;
    }
    std::optional<Date> date = Date::parse(text);
    if (!date) {
        throw request_error(400,
                            fmt::format(R"(parameter "{}": "{}" is not a date; write it as YYYY-MM-DD)", name, text));
    }
    return date;
}

void check_date_order(const std::optional<Date>& from, const std::optional<Date>& to) {
    if (from && to && *to < *from) {
        throw request_error(400, fmt::format(R"("from" {} is after "to" {}; swap them)", from->iso(), to->iso()));
    }
}

Period period_param(const QueryParams& params, Period otherwise) {
    const std::string text = params.text("by");
    if (text.empty()) {
        return otherwise;
    }
    const std::optional<Period> period = parse_period(text);
    if (!period) {
        throw request_error(400,
                            fmt::format(R"(parameter "by": "{}" is not one of none, meeting, session, year)", text));
    }
    return *period;
}

std::vector<Basis> bases_param(const QueryParams& params) {
    std::vector<Basis> bases;
    for (const std::string& name : params.list("basis")) {
        const std::optional<Basis> basis = parse_basis(name);
        if (!basis) {
            throw request_error(400, fmt::format("parameter \"basis\": \"{}\" is not one of vote, statement, "
                                                 "reported, inferred, recalled",
                                                 name));
        }
        bases.push_back(*basis);
    }
    return bases;
}

std::vector<ActorId> speakers_param(const Catalog& catalog, const QueryParams& params) {
    std::vector<ActorId> speakers;
    for (const std::string& name : params.list("speaker")) {
        speakers.push_back(resolve_person(catalog, name));
    }
    return speakers;
}

RollCallFilter roll_call_params(const QueryParams& params) {
    RollCallFilter filter;
    filter.exclude_unanimous = params.flag("exclude_unanimous");
    filter.important_only = params.flag("important_only");
    filter.exclude_amendments = params.flag("exclude_amendments");
    filter.exclude_paragraphs = params.flag("exclude_paragraphs");
    return filter;
}

std::optional<TopicId> topic_param(const Catalog& catalog, const QueryParams& params) {
    const std::string topic = params.text("topic");
    return topic.empty() ? std::nullopt : std::optional{resolve_topic(catalog, topic)};
}

// Every analysis route does the same: read its parameters, run its query in one snapshot of the
// database (a fresh catalog on a pooled connection), and send the result in its form.
template <class Result>
void answer_query(const Api& api, const httplib::Request& request, httplib::Response& response,
                  std::initializer_list<std::string_view> known,
                  Result (*query)(const Store&, const Catalog&, const QueryParams&),
                  void (*send)(httplib::Response&, const Result&)) {
    const QueryParams params(request, known);
    auto store = api.stores.reader();
    const Catalog catalog{*store};
    send(response, query(*store, catalog, params));
}

const std::initializer_list<std::string_view> evolution_params{
    "actor", "topic", "by", "from", "to", "include_inherited", "subtopics", "threshold", "basis", "speaker"};

Evolution evolution_of(const Store& store, const Catalog& catalog, const QueryParams& params) {
    const ActorId actor = resolve_actor(catalog, params.required("actor"));
    const TopicId topic = resolve_topic(catalog, params.required("topic"));
    EvolutionOptions options;
    options.by = period_param(params, Period::none);
    options.from = date_param(params, "from");
    options.to = date_param(params, "to");
    check_date_order(options.from, options.to);
    options.include_inherited = params.flag("include_inherited");
    options.include_subtopics = params.flag("subtopics", true);
    options.shift_threshold = params.number("threshold", 0.0, 2.0).value_or(options.shift_threshold);
    options.bases = bases_param(params);
    options.speakers = speakers_param(catalog, params);
    return evolution(store, catalog, actor, topic, options);
}

void evolution_json(const Api& api, const httplib::Request& request, httplib::Response& response) {
    answer_query<Evolution>(
        api, request, response, evolution_params, evolution_of,
        [](httplib::Response& out, const Evolution& result) { send_json_text(out, to_json(result)); });
}

void evolution_chart(const Api& api, const httplib::Request& request, httplib::Response& response) {
    answer_query<Evolution>(
        api, request, response, evolution_params, evolution_of,
        [](httplib::Response& out, const Evolution& result) { send_svg(out, chart::evolution_svg(result)); });
}

Snapshot snapshot_of(const Store& store, const Catalog& catalog, const QueryParams& params) {
    SnapshotOptions options;
    options.topic = topic_param(catalog, params);
    options.speakers = speakers_param(catalog, params);
    return snapshot(store, catalog, resolve_meeting(catalog, params.required("meeting")), options);
}

const std::initializer_list<std::string_view> snapshot_params{"meeting", "topic", "speaker"};

void snapshot_json(const Api& api, const httplib::Request& request, httplib::Response& response) {
    answer_query<Snapshot>(
        api, request, response, snapshot_params, snapshot_of,
        [](httplib::Response& out, const Snapshot& result) { send_json_text(out, to_json(result)); });
}

// Who stood where, as a grid: one row per actor, one column per claim, and in each cell the stances
// with what links them to their quote. A claim is a proposition; a recorded vote's is its roll call
// (its agenda item), since every roll call of a session asks something else even where they share a
// topic; else the topic stated on.
boost::json::object grid_json(const Snapshot& snapshot) {
    std::vector<std::string> actor_ids;
    boost::json::array actors;
    std::vector<std::string> claim_keys;
    boost::json::array claims;
    std::map<std::pair<std::size_t, std::size_t>, boost::json::array> cells;
    auto index_of = [](std::vector<std::string>& keys, const std::string& key, auto&& add) {
        const auto found = std::find(keys.begin(), keys.end(), key);
        if (found != keys.end()) {
            return static_cast<std::size_t>(found - keys.begin());
        }
        keys.push_back(key);
        add();
        return keys.size() - 1;
    };
    for (const SnapshotTopic& topic : snapshot.topics) {
        for (const SnapshotActor& actor : topic.actors) {
            const std::size_t row = index_of(actor_ids, actor.actor.str(), [&] {
                actors.push_back(boost::json::object{{"id", actor.actor.str()}, {"name", actor.name}});
            });
            for (const SnapshotStance& item : actor.stances) {
                const Stance& s = item.stance;
                const bool roll_call = !s.proposition && s.agenda_item && s.basis == Basis::vote;
                const std::string key = s.topic.str() + "/" + (s.proposition ? s.proposition->str() : "") + "/" +
                                        (roll_call ? s.agenda_item->str() : "");
                const std::size_t column = index_of(claim_keys, key, [&] {
                    const std::string& label = !item.proposition.empty() ? item.proposition
                                               : roll_call               ? item.agenda_item_title
                                                                         : topic.label;
                    boost::json::object claim{{"topic", s.topic.str()}, {"label", label}, {"path", topic.path}};
                    claim["proposition"] = s.proposition ? boost::json::value(s.proposition->str()) : nullptr;
                    claim["roll_call"] = roll_call ? boost::json::value(s.agenda_item->str()) : nullptr;
                    claims.push_back(std::move(claim));
                });
                boost::json::object cell{{"id", s.id.str()},
                                         {"position", to_string(s.kind)},
                                         {"score", s.score},
                                         {"basis", to_string(s.basis)},
                                         {"breadth", to_string(s.breadth)},
                                         {"quote", s.quote},
                                         {"speaker", item.speaker_name}};
                if (s.source) {
                    cell["source"] = boost::json::object{
                        {"document", s.source->document.str()}, {"start", s.source->start}, {"end", s.source->end}};
                }
                cells[{row, column}].push_back(std::move(cell));
            }
        }
    }
    boost::json::array cell_list;
    for (auto& [at, stances] : cells) {
        cell_list.push_back(
            boost::json::object{{"actor", at.first}, {"claim", at.second}, {"stances", std::move(stances)}});
    }
    return boost::json::object{{"meeting", boost::json::object{{"id", snapshot.meeting.id.str()},
                                                               {"title", snapshot.meeting.title},
                                                               {"date", snapshot.meeting.date.iso()}}},
                               {"actors", std::move(actors)},
                               {"claims", std::move(claims)},
                               {"cells", std::move(cell_list)},
                               {"stance_count", snapshot.stance_count}};
}

void grid(const Api& api, const httplib::Request& request, httplib::Response& response) {
    answer_query<Snapshot>(api, request, response, snapshot_params, snapshot_of,
                           [](httplib::Response& out, const Snapshot& result) { send_json(out, grid_json(result)); });
}

const std::initializer_list<std::string_view> matrix_params{
    "session", "meeting", "topic", "exclude_unanimous", "important_only", "exclude_amendments", "exclude_paragraphs"};

AgreementMatrix matrix_of(const Store& store, const Catalog& catalog, const QueryParams& params) {
    const std::optional<std::int64_t> session = params.integer("session", 1, 1000);
    const std::string meeting = params.text("meeting");
    if (session.has_value() == !meeting.empty()) {
        throw request_error(400, "give either \"session\" (a UN General Assembly session number) or \"meeting\" "
                                 "(any meeting: id, date or title), one of them");
    }
    AgreementMatrixOptions options;
    options.topic = topic_param(catalog, params);
    options.roll_calls = roll_call_params(params);
    const MeetingId id = session ? unga_session_meeting(static_cast<int>(*session)) : resolve_meeting(catalog, meeting);
    if (catalog.find(id) == nullptr) {
        throw not_found_error(
            fmt::format("there is no meeting \"{}\" (UN session {} is not imported)", id.str(), session.value_or(0)));
    }
    return agreement_matrix(store, catalog, id, options);
}

// The CLI's JSON with the heatmap's order added ("order", and "blocs": each bloc's members in that
// order), so that a page drawing its own shows the same blocs. Added to the text rather than
// through a parsed copy: a full UN session's JSON is megabytes, and parsing it again would double
// the route's time (docs/benchmarks.md, "Workbench").
void send_matrix_json(httplib::Response& response, const AgreementMatrix& matrix) {
    std::string json = to_json(matrix);
    const chart::HeatmapOrder heatmap = chart::heatmap_order(matrix);
    boost::json::array order;
    for (const std::size_t index : heatmap.order) {
        order.emplace_back(matrix.actors[index].str());
    }
    boost::json::array blocs;
    std::size_t first = 0;
    for (std::size_t b = 0; b < heatmap.bloc_sizes.size(); ++b) {
        const std::size_t size = heatmap.bloc_sizes[b];
        boost::json::array members(order.begin() + static_cast<std::ptrdiff_t>(first),
                                   order.begin() + static_cast<std::ptrdiff_t>(first + size));
        blocs.push_back(boost::json::object{{"bloc", b + 1}, {"size", size}, {"members", std::move(members)}});
        first += size;
    }
    const std::size_t close = json.rfind('}');
    json.replace(close, 1,
                 ",\n  \"order\": " + boost::json::serialize(order) +
                     ",\n  \"blocs\": " + boost::json::serialize(blocs) + "\n}");
    send_json_text(response, json);
}

void matrix_json(const Api& api, const httplib::Request& request, httplib::Response& response) {
    answer_query<AgreementMatrix>(api, request, response, matrix_params, matrix_of, send_matrix_json);
}

void matrix_chart(const Api& api, const httplib::Request& request, httplib::Response& response) {
    answer_query<AgreementMatrix>(api, request, response, matrix_params, matrix_of,
                                  [](httplib::Response& out, const AgreementMatrix& result) {
                                      send_svg(out, chart::agreement_matrix_svg(result));
                                  });
}

const std::initializer_list<std::string_view> agreement_params{"first",
                                                               "second",
                                                               "topic",
                                                               "by",
                                                               "from",
                                                               "to",
                                                               "exclude_unanimous",
                                                               "important_only",
                                                               "exclude_amendments",
                                                               "exclude_paragraphs"};

VoteAgreement agreement_of(const Store& store, const Catalog& catalog, const QueryParams& params) {
    const ActorId first = resolve_actor(catalog, params.required("first"));
    const ActorId second = resolve_actor(catalog, params.required("second"));
    AgreementOptions options;
    options.topic = topic_param(catalog, params);
    options.by = period_param(params, Period::session);
    options.from = date_param(params, "from");
    options.to = date_param(params, "to");
    check_date_order(options.from, options.to);
    options.roll_calls = roll_call_params(params);
    return agreement(store, catalog, first, second, options);
}

void agreement_json(const Api& api, const httplib::Request& request, httplib::Response& response) {
    answer_query<VoteAgreement>(
        api, request, response, agreement_params, agreement_of,
        [](httplib::Response& out, const VoteAgreement& result) { send_json_text(out, to_json(result)); });
}

void agreement_chart(const Api& api, const httplib::Request& request, httplib::Response& response) {
    answer_query<VoteAgreement>(
        api, request, response, agreement_params, agreement_of,
        [](httplib::Response& out, const VoteAgreement& result) { send_svg(out, chart::agreement_svg(result)); });
}

} // namespace

void add_query_routes(httplib::Server& server, const Api& api) {
    auto route = [&api](ApiHandler handler) { return api_route(api, handler); };
    server.Get("/api/evolution", route(evolution_json));
    server.Get("/api/evolution\\.svg", route(evolution_chart));
    server.Get("/api/snapshot", route(snapshot_json));
    server.Get("/api/grid", route(grid));
    server.Get("/api/agreement-matrix", route(matrix_json));
    server.Get("/api/agreement-matrix\\.svg", route(matrix_chart));
    server.Get("/api/agreement", route(agreement_json));
    server.Get("/api/agreement\\.svg", route(agreement_chart));
}

} // namespace stance::serve
