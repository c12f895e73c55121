// Ideal points from a store's recorded votes: the roll calls of each session through the agreement
// queries' filters (query/vote_periods.hpp), into the ordinal IRT model (query/ordinal_irt.cpp), and
// back to actor ids and names.
#include "stance/query/ideal_points.hpp"

#include <algorithm>
#include <cmath>

#include "query/vote_periods.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/tree.hpp"
#include "stance/query/vote_matrix.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

OrdinalVote ordinal(VoteCode vote) {
    switch (vote) {
    case VoteCode::yes: return OrdinalVote::yes;
    case VoteCode::abstain: return OrdinalVote::abstain;
    default: return OrdinalVote::no;
    }
}

bool is_cast(VoteCode vote) {
    return vote == VoteCode::yes || vote == VoteCode::abstain || vote == VoteCode::no;
}

/// The model's input: sessions in time order, their roll calls as items, every yes, abstain or no.
OrdinalVotes model_votes(const VoteBook& book, const std::vector<PeriodRollCalls>& periods) {
    OrdinalVotes votes;
    votes.actor_count = book.votes().actors.size();
    votes.session_count = periods.size();
    for (std::uint32_t s = 0; s < periods.size(); ++s) {
        for (std::uint32_t roll_call : periods[s].roll_calls) {
            const auto item = static_cast<std::uint32_t>(votes.item_sessions.size());
            votes.item_sessions.push_back(s);
            for (const RecordedVotes::Cast& cast : book.casts(roll_call)) {
                if (is_cast(cast.vote)) {
                    votes.votes.push_back({cast.actor, item, ordinal(cast.vote)});
                }
            }
        }
    }
    return votes;
}

StanceFilter session_filter(const Catalog& catalog, const IdealPointOptions& options) {
    StanceFilter filter = vote_filter(catalog, options.topic, std::nullopt, std::nullopt);
    for (const MeetingId& session : options.sessions) {
        const std::vector<MeetingId> within = meeting_with_descendants(catalog, session);
        filter.meetings.insert(filter.meetings.end(), within.begin(), within.end());
    }
    return filter;
}

IdealPointSession session_result(const VoteBook& book, const Catalog& catalog, const PeriodRollCalls& period,
                                 const IrtFit& fit, std::size_t session) {
    IdealPointSession out;
    out.session = period.meeting;
    out.label = period.label;
    out.first = period.first;
    out.last = period.last;
    out.roll_calls = period.roll_calls.size();
    out.direction_fixed = fit.direction_fixed[session];
    for (std::size_t actor = 0; actor < fit.actor_count; ++actor) {
        const std::size_t cell = fit.cell(actor, session);
        if (fit.votes_counted[cell] == 0) {
            continue;
        }
        const ActorId& id = book.votes().actors[actor];
        out.actors.push_back({id, catalog.actor_name(id), fit.positions[cell], fit.lower[cell], fit.upper[cell],
                              fit.standard_errors[cell], fit.votes_counted[cell]});
    }
    std::sort(out.actors.begin(), out.actors.end(), [](const IdealPoint& a, const IdealPoint& b) {
        return a.position != b.position ? a.position > b.position : a.actor < b.actor;
    });
    return out;
}

} // namespace

IdealPoints ideal_points(const Store& store, const Catalog& catalog, const IdealPointOptions& options) {
    catalog.check_built_from(store);
    const VoteBook book = votes_reaching(store, catalog, session_filter(catalog, options));
    RollCallFilter filter = options.roll_calls;
    filter.exclude_unanimous = true;
    const std::vector<PeriodRollCalls> periods = periods_of(book, catalog, Period::session, filter);

    IrtOptions model = options.model;
    model.reference_actor.reset();
    if (options.reference) {
        const auto& actors = book.votes().actors;
        const auto found = std::find(actors.begin(), actors.end(), *options.reference);
        if (found != actors.end()) {
            model.reference_actor = static_cast<std::uint32_t>(found - actors.begin());
        }
    }
    const OrdinalVotes votes = model_votes(book, periods);
    IdealPoints result;
    result.topic = options.topic;
    result.reference = options.reference;
    result.model = model;
    result.votes = votes.votes.size();
    if (periods.empty()) {
        return result;
    }
    const IrtFit fit = fit_ordinal_irt(votes, model);
    result.em_steps = fit.em_steps;
    result.newton_steps = fit.newton_steps;
    result.converged = fit.converged;
    result.log_likelihood = fit.log_likelihood;
    result.log_posterior = fit.log_posterior;
    result.relative_change = fit.relative_change;
    result.largest_gradient = fit.largest_gradient;
    result.bootstrap_steps = fit.bootstrap_steps;
    for (std::size_t s = 0; s < periods.size(); ++s) {
        result.sessions.push_back(session_result(book, catalog, periods[s], fit, s));
    }
    return result;
}

} // namespace stance
