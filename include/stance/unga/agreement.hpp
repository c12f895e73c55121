// How often two actors vote alike: per session or year, on all roll calls or on one issue, and for
// all pairs of actors at once (the agreement matrix, input for finding voting blocs).
//
// A vote is a stance on an agenda item whose kind is support (yes), abstain or oppose (no). A roll
// call counts for a pair when both cast one of those; absent and not_member never count. For each
// period (docs/unga.md gives the formulas and their sources):
//   n       roll calls both voted on;
//   agree   roll calls on which they voted identically; share = agree / n;
//   kappa   Cohen's kappa over the three vote categories: (p_o - p_e) / (1 - p_e), where p_o is the
//           share of identical votes and p_e the share expected by chance from each actor's own mix
//           of yes, abstain and no. Undefined (nothing) when p_e = 1, i.e. both cast one same kind only;
//   s_score Signorino and Ritter's S (1999): 1 - 2 d / d_max, with votes on the scale yes = +1,
//           abstain = 0, no = -1, d the sum of absolute differences and d_max = 2 n. S runs from -1
//           (always opposite) to +1 (always the same); an abstention against a yes counts half.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stance/model/date.hpp"
#include "stance/model/ids.hpp"
#include "stance/query/evolution.hpp"

namespace stance {

class Catalog;
class Store;

/// The counts behind an agreement figure, and the figures themselves.
struct AgreementCounts {
    /// table[i][j]: roll calls on which the first actor cast i and the second j (0 yes, 1 abstain, 2 no).
    std::array<std::array<std::uint32_t, 3>, 3> table{};
    std::uint32_t n = 0;
    std::uint32_t agree = 0;
    double distance = 0.0; ///< Sum of |a - b| on the -1/0/+1 scale.

    void add(int first, int second) noexcept;
    [[nodiscard]] std::optional<double> share() const noexcept;
    [[nodiscard]] std::optional<double> kappa() const noexcept;
    [[nodiscard]] std::optional<double> s_score() const noexcept;
};

struct AgreementOptions {
    /// Only roll calls on this topic or its subtopics, matched on the agenda item or the stance.
    std::optional<TopicId> topic;
    std::optional<Date> from; ///< Inclusive.
    std::optional<Date> to;
    /// session: the top-level meeting (a UN General Assembly session); year: calendar year; none: one
    /// figure over everything (the `overall` row alone).
    Period by = Period::session;
};

struct AgreementPeriod {
    std::string key;   ///< The session meeting id ("unga-71") or the year ("2016").
    std::string label; ///< The session title or the year.
    Date first;        ///< Earliest and latest roll call of the period counted.
    Date last;
    AgreementCounts counts;
};

/// Two actors' voting agreement, per period and overall. (Not `Agreement`: that is the compare query's
/// verdict on one topic, stance/query/compare.hpp.)
struct VoteAgreement {
    ActorId first;
    ActorId second;
    std::string first_name;
    std::string second_name;
    std::optional<TopicId> topic;
    AgreementOptions options;
    std::vector<AgreementPeriod> periods; ///< In time order; empty for Period::none.
    AgreementCounts overall;
};

/// Agreement between two actors. Throws not_found_error for unknown actors or topic.
[[nodiscard]] VoteAgreement agreement(const Store& store, const Catalog& catalog, const ActorId& first,
                                      const ActorId& second, const AgreementOptions& options = {});

/// All pairs of actors that voted in one meeting and everything held within it (a session).
struct AgreementMatrix {
    MeetingId meeting;
    std::optional<TopicId> topic;
    std::size_t roll_calls = 0;  ///< Agenda items with at least one vote.
    std::vector<ActorId> actors; ///< Every actor that cast at least one vote, sorted by id.
    std::vector<std::string> names;

    /// Counts for the pair (i, j) of `actors`; (i, j) and (j, i) are the same pair seen from each side.
    [[nodiscard]] const AgreementCounts& at(std::size_t i, std::size_t j) const {
        return cells.at(i * actors.size() + j);
    }

    std::vector<AgreementCounts> cells; ///< Row-major, actors.size() squared; the diagonal is each actor with itself.
};

struct AgreementMatrixOptions {
    std::optional<TopicId> topic;
};

/// The agreement matrix of a meeting (with its nested meetings). Throws not_found_error.
[[nodiscard]] AgreementMatrix agreement_matrix(const Store& store, const Catalog& catalog, const MeetingId& meeting,
                                               const AgreementMatrixOptions& options = {});

/// JSON for `stance agreement --format json`: {"first", "second", "topic", "by", "overall", "items"},
/// each item {"period", "label", "first_date", "last_date", "n", "agree", "share", "kappa", "s_score",
/// "table"}; undefined figures are null. One object, no trailing newline.
[[nodiscard]] std::string to_json(const VoteAgreement& agreement);
/// JSON for `stance agreement-matrix --format json`: {"meeting", "topic", "roll_calls", "actors",
/// "pairs"}, each pair (first before second in id order) with the same figures as an agreement item.
[[nodiscard]] std::string to_json(const AgreementMatrix& matrix);

} // namespace stance
