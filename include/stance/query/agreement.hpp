// How often two actors vote alike: per session or year, on all roll calls or on one issue, and for
// all pairs of actors at once (the agreement matrix, input for finding voting blocs). A general
// query over recorded votes (stance/model/vote.hpp) of any body: the UN General Assembly's today,
// a parliament's tomorrow. The figures are in stance/query/agreement_counts.hpp; they come from
// popcounts over bit planes (stance/query/vote_matrix.hpp). Only recorded votes count: an agenda item
// with statements, however worded, is never a roll call. Which votes are an actor's follows the
// definition compare and evolution share (stance/query/reach.hpp), direct reach only: its own, and
// those cast by a person representing it that day.
//
// Conventions of the published figures (docs/agreement.md): leave out unanimous roll calls
// (RollCallFilter::exclude_unanimous) and amendment and paragraph votes, count by session rather than calendar year
// (`Period::session`), and Voeten's dyadic agreement = (1 + S) / 2 (AgreementCounts::voeten_agreement).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "stance/model/date.hpp"
#include "stance/model/ids.hpp"
#include "stance/query/agreement_counts.hpp"
#include "stance/query/evolution.hpp"

namespace stance {

class Catalog;
class Store;

/// Which roll calls count, beyond topic and dates. Flags a source did not code (RollCallFlags
/// unknown) never exclude a roll call, and never make it important.
struct RollCallFilter {
    /// Leave out roll calls on which every vote cast (by anyone, not only the actors compared) was the same.
    bool exclude_unanimous = false;
    bool important_only = false;     ///< Only roll calls known to be important votes.
    bool exclude_amendments = false; ///< Leave out votes on amendments.
    bool exclude_paragraphs = false; ///< Leave out votes on single paragraphs.
};

struct AgreementOptions {
    /// Only roll calls on this topic or its subtopics, matched on the agenda item or the stance.
    std::optional<TopicId> topic;
    std::optional<Date> from; ///< Inclusive.
    std::optional<Date> to;
    /// session: the top-level meeting (a UN General Assembly session); year: calendar year; none: one
    /// figure over everything (the `overall` row alone).
    Period by = Period::session;
    RollCallFilter roll_calls;
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

/// All pairs of actors that voted in one period: a meeting and everything held within it (a
/// session), or a year.
struct AgreementMatrix {
    MeetingId meeting;  ///< The session (or meeting); empty for a year.
    std::string period; ///< The meeting id or the year ("2016").
    std::string label;  ///< The meeting's title or the year.
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
    RollCallFilter roll_calls;
};

/// The agreement matrix of a meeting (with its nested meetings). Throws not_found_error.
[[nodiscard]] AgreementMatrix agreement_matrix(const Store& store, const Catalog& catalog, const MeetingId& meeting,
                                               const AgreementMatrixOptions& options = {});

struct AgreementMatricesOptions {
    std::optional<TopicId> topic;
    std::optional<Date> from; ///< Inclusive.
    std::optional<Date> to;
    Period by = Period::session; ///< session, year or meeting (none is one matrix over everything).
    RollCallFilter roll_calls;
};

/// The matrices of every period (every session, say) at once, in time order: the votes are read
/// once, and each matrix is handed to `visit` and dropped, so memory holds one period at a time.
void agreement_matrices(const Store& store, const Catalog& catalog, const AgreementMatricesOptions& options,
                        const std::function<void(const AgreementMatrix&)>& visit);

/// JSON for `stance agreement --format json`: {"first", "second", "topic", "by", "roll_calls"
/// (the RollCallFilter), "overall", "items"}, each item {"period", "label", "first_date", "last_date", "n", "agree",
/// "share", "kappa", "s_score", "voeten_agreement", "table"}; undefined figures are null. One object, no trailing
/// newline.
[[nodiscard]] std::string to_json(const VoteAgreement& agreement);
/// JSON for `stance agreement-matrix --format json`: {"meeting", "period", "label", "topic",
/// "roll_calls", "actors", "pairs"}, each pair (first before second in id order) with the same figures as an agreement
/// item.
[[nodiscard]] std::string to_json(const AgreementMatrix& matrix);

} // namespace stance
