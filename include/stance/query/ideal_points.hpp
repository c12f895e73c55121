// Ideal points: where each actor stands, session by session, on the one dimension that best
// explains its recorded votes (yes / abstain / no), with an interval. The standard measure of a
// state's position in the UN General Assembly (Bailey, Strezhnev and Voeten 2017), for any body's
// recorded votes. The model and its fitting are in stance/query/ordinal_irt.hpp; this call reads the
// votes of the chosen sessions (and topic) through the same filters as the agreement queries
// (stance/query/agreement.hpp), always without unanimous roll calls, and names the result.
// Identification and face validity on the UN data: docs/ideal-points.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stance/model/date.hpp"
#include "stance/model/ids.hpp"
#include "stance/query/agreement.hpp"
#include "stance/query/ordinal_irt.hpp"

namespace stance {

class Catalog;
class Store;

struct IdealPointOptions {
    /// Only roll calls on this topic or its subtopics (UN: "unga-me", the Palestinian conflict).
    std::optional<TopicId> topic;
    /// Only these sessions (top-level meetings, with everything held within them); empty: every
    /// session with recorded votes. The dynamic model links them in time order.
    std::vector<MeetingId> sessions;
    /// Which roll calls count; unanimous ones never do (they tell no one apart), whatever this says.
    RollCallFilter roll_calls;
    /// The model's settings; its reference_actor is set from `reference`.
    IrtOptions model;
    /// The actor placed above the centre (UN: the United States, as in the published estimates).
    /// When it cast no vote in a session (static model) or at all, the direction there is not
    /// fixed and the session says so.
    std::optional<ActorId> reference = ActorId{"usa"};
};

struct IdealPoint {
    ActorId actor;
    std::string name;
    double position = 0.0;
    double lower = 0.0; ///< The interval at IrtOptions::interval_level.
    double upper = 0.0;
    double standard_error = 0.0;
    std::uint32_t votes = 0; ///< Votes of the actor the session's estimate rests on.
};

struct IdealPointSession {
    MeetingId session;
    std::string label;
    Date first; ///< Earliest and latest roll call counted.
    Date last;
    std::size_t roll_calls = 0;     ///< Roll calls counted (none unanimous).
    bool direction_fixed = false;   ///< The reference actor decided the sign.
    std::vector<IdealPoint> actors; ///< Highest position first.
};

struct IdealPoints {
    std::optional<TopicId> topic;
    std::optional<ActorId> reference;
    IrtOptions model;
    std::size_t votes = 0; ///< Votes fitted.
    int em_steps = 0;      ///< Of the main fit: EM steps of the warm start, then Newton steps.
    int newton_steps = 0;
    bool converged = false;
    double log_likelihood = 0.0;
    double log_posterior = 0.0;
    double relative_change = 0.0;            ///< Of the log posterior in the last Newton step.
    double largest_gradient = 0.0;           ///< Largest component of the log posterior's gradient at the estimate.
    std::vector<int> bootstrap_steps;        ///< Newton steps of each replicate.
    std::vector<IdealPointSession> sessions; ///< In time order.
};

/// Fits the ideal points of every actor in the chosen sessions. Throws not_found_error for an
/// unknown topic or session, invalid_input_error for options that make no sense. Sessions without
/// a roll call that counts are left out.
[[nodiscard]] IdealPoints ideal_points(const Store& store, const Catalog& catalog,
                                       const IdealPointOptions& options = {});

/// JSON for `stance ideal-points --format json`: {"model" {"dynamic", "prior_sd", "random_walk_sd",
/// "item_prior_sd", "tolerance", "gradient_tolerance", "interval_level", "intervals" ("laplace" or
/// "bootstrap"), "bootstrap"}, "topic", "reference", "votes", "em_steps", "newton_steps",
/// "converged", "relative_change", "largest_gradient", "log_likelihood", "log_posterior", "sessions"}, each session
/// {"session", "label", "first_date", "last_date", "roll_calls", "direction_fixed", "actors"}, each actor {"actor",
/// "name", "position", "lower", "upper", "standard_error", "votes"}. Figures rounded to four decimals; no trailing
/// newline.
[[nodiscard]] std::string to_json(const IdealPoints& points);

} // namespace stance
