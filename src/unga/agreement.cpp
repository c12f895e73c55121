// Voting agreement between actors: pairwise by period, and all pairs of one session.
#include "stance/unga/agreement.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>

#include "stance/query/catalog.hpp"
#include "stance/query/tree.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

constexpr int no_vote = -1;

/// 0 yes, 1 abstain, 2 no; no_vote for every other kind (absences and non-vote positions).
int vote_index(PositionKind kind) noexcept {
    switch (kind) {
    case PositionKind::support: return 0;
    case PositionKind::abstain: return 1;
    case PositionKind::oppose: return 2;
    default: return no_vote;
    }
}

/// The vote on Signorino and Ritter's scale: yes +1, abstain 0, no -1.
double vote_value(int index) noexcept {
    return 1.0 - static_cast<double>(index);
}

StanceFilter vote_filter(const Catalog& catalog, const std::optional<TopicId>& topic) {
    StanceFilter filter;
    filter.positions_only = true;
    if (topic) {
        filter.topics = topic_with_descendants(catalog, *topic);
        filter.match_agenda_item_topics = true;
    }
    return filter;
}

} // namespace

void AgreementCounts::add(int first, int second) noexcept {
    ++table[static_cast<std::size_t>(first)][static_cast<std::size_t>(second)];
    ++n;
    if (first == second) {
        ++agree;
    }
    distance += std::abs(vote_value(first) - vote_value(second));
}

std::optional<double> AgreementCounts::share() const noexcept {
    if (n == 0) {
        return std::nullopt;
    }
    return static_cast<double>(agree) / static_cast<double>(n);
}

std::optional<double> AgreementCounts::kappa() const noexcept {
    if (n == 0) {
        return std::nullopt;
    }
    const double total = static_cast<double>(n);
    double expected = 0.0;
    for (std::size_t k = 0; k < 3; ++k) {
        const double first = static_cast<double>(table[k][0] + table[k][1] + table[k][2]);
        const double second = static_cast<double>(table[0][k] + table[1][k] + table[2][k]);
        expected += (first / total) * (second / total);
    }
    if (expected >= 1.0 - 1e-12) {
        return std::nullopt; // both always cast the same single kind: chance explains everything
    }
    const double observed = static_cast<double>(agree) / total;
    return (observed - expected) / (1.0 - expected);
}

std::optional<double> AgreementCounts::s_score() const noexcept {
    if (n == 0) {
        return std::nullopt;
    }
    const double maximum = 2.0 * static_cast<double>(n); // yes against no on every roll call
    return 1.0 - 2.0 * distance / maximum;
}

VoteAgreement agreement(const Store& store, const Catalog& catalog, const ActorId& first, const ActorId& second,
                        const AgreementOptions& options) {
    catalog.check_built_from(store);
    VoteAgreement result;
    result.first = first;
    result.second = second;
    result.first_name = catalog.actor(first).name;
    result.second_name = catalog.actor(second).name;
    result.topic = options.topic;
    result.options = options;

    StanceFilter filter = vote_filter(catalog, options.topic);
    filter.actors = {first, second};
    filter.from = options.from;
    filter.to = options.to;

    struct RollCall {
        int first = no_vote;
        int second = no_vote;
        MeetingId meeting;
        Date date;
    };
    std::unordered_map<AgendaItemId, RollCall> roll_calls;
    store.for_each_stance(filter, [&](const Stance& stance) {
        const int vote = vote_index(stance.kind);
        if (!stance.agenda_item || vote == no_vote) {
            return;
        }
        RollCall& call = roll_calls[*stance.agenda_item];
        call.meeting = stance.meeting;
        call.date = catalog.effective_date(stance);
        // The first vote an actor cast on an item counts; a second would be a data error.
        if (stance.actor == first && call.first == no_vote) {
            call.first = vote;
        }
        if (stance.actor == second && call.second == no_vote) {
            call.second = vote;
        }
    });

    std::map<std::string, AgreementPeriod> periods;
    std::unordered_map<MeetingId, MeetingId> session_cache;
    for (const auto& [item, call] : roll_calls) {
        if (call.first == no_vote || call.second == no_vote) {
            continue;
        }
        result.overall.add(call.first, call.second);
        if (options.by == Period::none) {
            continue;
        }
        std::string key;
        std::string label;
        if (options.by == Period::year) {
            key = std::to_string(call.date.year());
            label = key;
        } else {
            auto cached = session_cache.find(call.meeting);
            if (cached == session_cache.end()) {
                const MeetingId period_meeting =
                    options.by == Period::meeting ? call.meeting : session_of(catalog, call.meeting);
                cached = session_cache.emplace(call.meeting, period_meeting).first;
            }
            key = cached->second.str();
            label = catalog.meeting_title(cached->second);
        }
        auto [slot, added] = periods.try_emplace(key);
        AgreementPeriod& period = slot->second;
        if (added) {
            period.key = key;
            period.label = label;
            period.first = call.date;
            period.last = call.date;
        }
        period.first = std::min(period.first, call.date);
        period.last = std::max(period.last, call.date);
        period.counts.add(call.first, call.second);
    }
    for (auto& [key, period] : periods) {
        result.periods.push_back(std::move(period));
    }
    std::sort(result.periods.begin(), result.periods.end(), [](const AgreementPeriod& a, const AgreementPeriod& b) {
        return std::tie(a.first, a.key) < std::tie(b.first, b.key);
    });
    return result;
}

AgreementMatrix agreement_matrix(const Store& store, const Catalog& catalog, const MeetingId& meeting,
                                 const AgreementMatrixOptions& options) {
    catalog.check_built_from(store);
    AgreementMatrix matrix;
    matrix.meeting = meeting;
    matrix.topic = options.topic;

    StanceFilter filter = vote_filter(catalog, options.topic);
    filter.meetings = meeting_with_descendants(catalog, meeting);

    // Votes as small integers in an items-by-actors grid: the pair loop below is the hot part.
    std::unordered_map<AgendaItemId, std::size_t> item_index;
    std::unordered_map<ActorId, std::size_t> actor_index;
    std::vector<ActorId> actors;
    struct Cast {
        std::size_t item;
        std::size_t actor;
        int vote;
    };
    std::vector<Cast> casts;
    store.for_each_stance(filter, [&](const Stance& stance) {
        const int vote = vote_index(stance.kind);
        if (!stance.agenda_item || vote == no_vote) {
            return;
        }
        const std::size_t item = item_index.try_emplace(*stance.agenda_item, item_index.size()).first->second;
        auto [found, added] = actor_index.try_emplace(stance.actor, actors.size());
        if (added) {
            actors.push_back(stance.actor);
        }
        casts.push_back(Cast{item, found->second, vote});
    });

    // Sorted actors make the output stable whatever order the store returned.
    std::vector<std::size_t> order(actors.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return actors[a] < actors[b]; });
    std::vector<std::size_t> position(actors.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        position[order[i]] = i;
        matrix.actors.push_back(actors[order[i]]);
        matrix.names.push_back(catalog.actor_name(actors[order[i]]));
    }

    const std::size_t actor_count = matrix.actors.size();
    const std::size_t item_count = item_index.size();
    matrix.roll_calls = item_count;
    std::vector<std::int8_t> grid(item_count * actor_count, static_cast<std::int8_t>(no_vote));
    for (const Cast& cast : casts) {
        std::int8_t& cell = grid[cast.item * actor_count + position[cast.actor]];
        if (cell == no_vote) {
            cell = static_cast<std::int8_t>(cast.vote);
        }
    }

    matrix.cells.assign(actor_count * actor_count, AgreementCounts{});
    for (std::size_t i = 0; i < actor_count; ++i) {
        for (std::size_t j = i; j < actor_count; ++j) {
            AgreementCounts counts;
            for (std::size_t item = 0; item < item_count; ++item) {
                const int a = grid[item * actor_count + i];
                const int b = grid[item * actor_count + j];
                if (a != no_vote && b != no_vote) {
                    counts.add(a, b);
                }
            }
            matrix.cells[i * actor_count + j] = counts;
            if (i != j) {
                AgreementCounts mirrored = counts;
                for (std::size_t x = 0; x < 3; ++x) {
                    for (std::size_t y = 0; y < 3; ++y) {
                        mirrored.table[x][y] = counts.table[y][x];
                    }
                }
                matrix.cells[j * actor_count + i] = mirrored;
            }
        }
    }
    return matrix;
}

} // namespace stance
