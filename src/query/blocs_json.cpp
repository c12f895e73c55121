// JSON rendering of voting blocs (Boost.JSON, as the other query results).
#include <boost/json.hpp>

#include "io/json_pretty.hpp"
#include "query/json_parts.hpp"
#include "stance/query/blocs.hpp"

namespace stance {

namespace {

using detail::rounded_or_null;

std::string_view vote_name(VoteCode vote) {
    switch (vote) {
    case VoteCode::yes: return "yes";
    case VoteCode::abstain: return "abstain";
    case VoteCode::no: return "no";
    default: return "none";
    }
}

boost::json::array ids(const std::vector<ActorId>& actors) {
    boost::json::array out;
    for (const ActorId& actor : actors) {
        out.emplace_back(actor.str());
    }
    return out;
}

boost::json::object method_object(const VotingBlocOptions& options) {
    const BlocMethodOptions& method = options.method;
    boost::json::object out{{"method", to_string(method.method)},
                            {"weight", to_string(options.weight)},
                            {"threshold", rounded_or_null(method.threshold)},
                            {"seed", method.seed},
                            {"stay_threshold", options.stay_threshold}};
    if (method.method == BlocMethod::hierarchical) {
        out["blocs"] = method.blocs ? boost::json::value(*method.blocs) : boost::json::value(nullptr);
        out["height"] = rounded_or_null(method.height);
    } else {
        out["resolution"] = method.resolution;
    }
    return out;
}

boost::json::object period_object(const PeriodBlocs& period) {
    boost::json::array blocs;
    for (std::size_t b = 0; b < period.blocs.size(); ++b) {
        boost::json::array members;
        for (std::size_t m = 0; m < period.blocs[b].members.size(); ++m) {
            members.push_back(
                boost::json::object{{"id", period.blocs[b].members[m].str()}, {"name", period.blocs[b].names[m]}});
        }
        blocs.push_back(boost::json::object{
            {"bloc", b + 1}, {"size", period.blocs[b].members.size()}, {"members", std::move(members)}});
    }
    return boost::json::object{{"period", period.period},          {"label", period.label},
                               {"first_date", period.first.iso()}, {"last_date", period.last.iso()},
                               {"roll_calls", period.roll_calls},  {"modularity", rounded_or_null(period.modularity)},
                               {"blocs", std::move(blocs)}};
}

boost::json::object move_object(const BlocMove& move) {
    boost::json::array roll_calls;
    for (const SeparatingRollCall& call : move.roll_calls) {
        roll_calls.push_back(boost::json::object{{"roll_call", call.roll_call.str()},
                                                 {"title", call.title},
                                                 {"code", call.code},
                                                 {"date", call.date.iso()},
                                                 {"vote", vote_name(call.vote)},
                                                 {"old_bloc_vote", vote_name(call.old_bloc_vote)},
                                                 {"new_bloc_share", rounded_or_null(call.new_bloc_share)},
                                                 {"old_bloc_share", rounded_or_null(call.old_bloc_share)}});
    }
    return boost::json::object{{"actor", move.actor.str()},
                               {"name", move.name},
                               {"from", move.from_period},
                               {"to", move.to_period},
                               {"jaccard", rounded_or_null(move.jaccard)},
                               {"old_bloc", ids(move.old_bloc)},
                               {"new_bloc", ids(move.new_bloc)},
                               {"separating_total", move.separating_total},
                               {"roll_calls", std::move(roll_calls)}};
}

} // namespace

std::string to_json(const VotingBlocs& blocs) {
    boost::json::object root = method_object(blocs.options);
    root["topic"] = blocs.options.topic ? boost::json::value(blocs.options.topic->str()) : boost::json::value(nullptr);
    root["by"] = to_string(blocs.options.by);
    root["roll_call_filter"] = detail::json_roll_call_filter(blocs.options.roll_calls);
    boost::json::array periods;
    for (const PeriodBlocs& period : blocs.periods) {
        periods.push_back(period_object(period));
    }
    root["periods"] = std::move(periods);
    boost::json::array stability;
    for (const BlocStability& row : blocs.stability) {
        stability.push_back(boost::json::object{{"actor", row.actor.str()},
                                                {"name", row.name},
                                                {"pairs", row.pairs},
                                                {"mean_jaccard", rounded_or_null(row.mean_jaccard)},
                                                {"stayed", row.stayed}});
    }
    root["stability"] = std::move(stability);
    boost::json::array moves;
    for (const BlocMove& move : blocs.moves) {
        moves.push_back(move_object(move));
    }
    root["moves"] = std::move(moves);
    return detail::pretty_json(root);
}

} // namespace stance
