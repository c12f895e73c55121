// Voting agreement between actors: pairwise by period, all pairs of one period, and the matrices of
// every period at once. All of it reads recorded votes once and counts on bit planes (vote_matrix).
#include "stance/query/agreement.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>

#include "query/vote_periods.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/reach.hpp"
#include "stance/query/tree.hpp"
#include "stance/query/vote_matrix.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

/// The vote on Signorino and Ritter's scale: yes +1, abstain 0, no -1 (index 0, 1, 2).
double vote_value(std::size_t index) noexcept {
    return 1.0 - static_cast<double>(index);
}

std::optional<std::uint32_t> index_of(const RecordedVotes& votes, const ActorId& actor) {
    const auto found = std::find(votes.actors.begin(), votes.actors.end(), actor);
    if (found == votes.actors.end()) {
        return std::nullopt;
    }
    return static_cast<std::uint32_t>(found - votes.actors.begin());
}

/// The two actors' counts over some roll calls; empty counts when either never voted on them.
AgreementCounts pair_counts(const VoteBook& book, std::span<const std::uint32_t> roll_calls,
                            const std::optional<std::uint32_t>& first, const std::optional<std::uint32_t>& second) {
    if (!first || !second) {
        return {};
    }
    const std::array<std::uint32_t, 2> actors{*first, *second};
    const VoteMatrix matrix(book, roll_calls, actors);
    const std::size_t a = matrix.row_of(*first);
    const std::size_t b = matrix.row_of(*second);
    if (a == matrix.actor_count() || b == matrix.actor_count()) {
        return {};
    }
    return matrix.counts(a, b);
}

/// The same counts seen from the other actor of the pair.
AgreementCounts transposed(const AgreementCounts& counts) noexcept {
    AgreementCounts other = counts;
    for (std::size_t x = 0; x < 3; ++x) {
        for (std::size_t y = 0; y < 3; ++y) {
            other.table[x][y] = counts.table[y][x];
        }
    }
    return other;
}

bool both_voted(const VoteBook& book, std::uint32_t roll_call, std::uint32_t first, std::uint32_t second) {
    bool first_voted = false;
    bool second_voted = false;
    for (const RecordedVotes::Cast& cast : book.casts(roll_call)) {
        if (is_position(position_kind(cast.vote))) {
            first_voted = first_voted || cast.actor == first;
            second_voted = second_voted || cast.actor == second;
        }
    }
    return first_voted && second_voted;
}

} // namespace

AgreementMatrix agreement_matrix_of(const VoteBook& book, const Catalog& catalog, const PeriodRollCalls& period,
                                    const std::optional<TopicId>& topic) {
    const VoteMatrix votes(book, period.roll_calls);
    AgreementMatrix matrix;
    matrix.meeting = period.meeting;
    matrix.period = period.key;
    matrix.label = period.label;
    matrix.topic = topic;
    matrix.roll_calls = period.roll_calls.size();
    const std::size_t n = votes.actor_count();
    for (std::size_t r = 0; r < n; ++r) {
        matrix.actors.push_back(book.votes().actors[votes.actor(r)]);
        matrix.names.push_back(catalog.actor_name(matrix.actors.back()));
    }
    matrix.cells.resize(n * n);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i; j < n; ++j) {
            matrix.cells[i * n + j] = votes.counts(i, j);
            matrix.cells[j * n + i] = transposed(matrix.cells[i * n + j]); // counted once per pair
        }
    }
    return matrix;
}

AgreementCounts AgreementCounts::from_table(const std::array<std::array<std::uint32_t, 3>, 3>& table) noexcept {
    AgreementCounts counts;
    counts.table = table;
    for (std::size_t x = 0; x < 3; ++x) {
        for (std::size_t y = 0; y < 3; ++y) {
            counts.n += table[x][y];
            counts.distance += static_cast<double>(table[x][y]) * std::abs(vote_value(x) - vote_value(y));
        }
        counts.agree += table[x][x];
    }
    return counts;
}

void AgreementCounts::add(int first, int second) noexcept {
    const auto x = static_cast<std::size_t>(first);
    const auto y = static_cast<std::size_t>(second);
    ++table[x][y];
    ++n;
    if (first == second) {
        ++agree;
    }
    distance += std::abs(vote_value(x) - vote_value(y));
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
    const auto total = static_cast<double>(n);
    double expected = 0.0;
    for (std::size_t k = 0; k < 3; ++k) {
        const auto first = static_cast<double>(table[k][0] + table[k][1] + table[k][2]);
        const auto second = static_cast<double>(table[0][k] + table[1][k] + table[2][k]);
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

std::optional<double> AgreementCounts::voeten_agreement() const noexcept {
    const std::optional<double> s = s_score();
    if (!s) {
        return std::nullopt;
    }
    return (1.0 + *s) / 2.0;
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

    StanceFilter filter = vote_filter(catalog, options.topic, options.from, options.to);
    if (!options.roll_calls.exclude_unanimous) {
        // Unanimity needs everyone's votes; the figures only those that can reach these two.
        filter.actors = possible_holders(catalog, first, ReachScope::direct);
        for (ActorId& holder : possible_holders(catalog, second, ReachScope::direct)) {
            if (std::find(filter.actors.begin(), filter.actors.end(), holder) == filter.actors.end()) {
                filter.actors.push_back(std::move(holder));
            }
        }
    }
    const VoteBook book = votes_reaching(store, catalog, filter);
    const auto a = index_of(book.votes(), first);
    const auto b = index_of(book.votes(), second);
    std::vector<std::uint32_t> all;
    for (const PeriodRollCalls& period : periods_of(book, catalog, options.by, options.roll_calls)) {
        const AgreementCounts counts = pair_counts(book, period.roll_calls, a, b);
        all.insert(all.end(), period.roll_calls.begin(), period.roll_calls.end());
        if (options.by == Period::none || counts.n == 0) {
            continue;
        }
        // The period runs from the first to the last roll call both voted on.
        AgreementPeriod out{period.key, period.label, Date{}, Date{}, counts};
        bool dated = false;
        for (std::uint32_t r : period.roll_calls) {
            if (both_voted(book, r, *a, *b)) {
                const Date date = book.votes().roll_calls[r].date;
                out.first = dated ? std::min(out.first, date) : date;
                out.last = dated ? std::max(out.last, date) : date;
                dated = true;
            }
        }
        result.periods.push_back(std::move(out));
    }
    result.overall = pair_counts(book, all, a, b);
    std::sort(result.periods.begin(), result.periods.end(), [](const AgreementPeriod& x, const AgreementPeriod& y) {
        return std::tie(x.first, x.key) < std::tie(y.first, y.key);
    });
    return result;
}

AgreementMatrix agreement_matrix(const Store& store, const Catalog& catalog, const MeetingId& meeting,
                                 const AgreementMatrixOptions& options) {
    catalog.check_built_from(store);
    StanceFilter filter = vote_filter(catalog, options.topic, std::nullopt, std::nullopt);
    filter.meetings = meeting_with_descendants(catalog, meeting);
    const VoteBook book = votes_reaching(store, catalog, filter);
    PeriodRollCalls period;
    period.key = meeting.str();
    period.meeting = meeting;
    period.label = catalog.meeting_title(meeting);
    for (const PeriodRollCalls& part : periods_of(book, catalog, Period::none, options.roll_calls)) {
        period.roll_calls = part.roll_calls;
    }
    return agreement_matrix_of(book, catalog, period, options.topic);
}

void agreement_matrices(const Store& store, const Catalog& catalog, const AgreementMatricesOptions& options,
                        const std::function<void(const AgreementMatrix&)>& visit) {
    catalog.check_built_from(store);
    const VoteBook book = votes_reaching(store, catalog, vote_filter(catalog, options.topic, options.from, options.to));
    for (const PeriodRollCalls& period : periods_of(book, catalog, options.by, options.roll_calls)) {
        visit(agreement_matrix_of(book, catalog, period, options.topic));
    }
}

} // namespace stance
