// JSON rendering of ideal points (Boost.JSON, as the other query results).
#include <cmath>

#include <boost/json.hpp>

#include "io/json_pretty.hpp"
#include "stance/query/ideal_points.hpp"

namespace stance {

namespace {

// Four decimals, as the other query results; NaN (no interval) as null.
boost::json::value rounded(double value) {
    return std::isfinite(value) ? boost::json::value(std::round(value * 10000.0) / 10000.0)
                                : boost::json::value(nullptr);
}

boost::json::object model_object(const IrtOptions& model) {
    return boost::json::object{{"dynamic", model.dynamic},
                               {"prior_sd", model.prior_sd},
                               {"random_walk_sd", model.random_walk_sd},
                               {"item_prior_sd", model.item_prior_sd},
                               {"tolerance", model.tolerance},
                               {"gradient_tolerance", model.gradient_tolerance},
                               {"interval_level", model.interval_level},
                               {"intervals", model.bootstrap > 0 ? "bootstrap" : "laplace"},
                               {"bootstrap", model.bootstrap}};
}

boost::json::object session_object(const IdealPointSession& session) {
    boost::json::object out;
    out["session"] = session.session.str();
    out["label"] = session.label;
    out["first_date"] = session.first.iso();
    out["last_date"] = session.last.iso();
    out["roll_calls"] = session.roll_calls;
    out["direction_fixed"] = session.direction_fixed;
    boost::json::array actors;
    for (const IdealPoint& point : session.actors) {
        actors.push_back(boost::json::object{{"actor", point.actor.str()},
                                             {"name", point.name},
                                             {"position", rounded(point.position)},
                                             {"lower", rounded(point.lower)},
                                             {"upper", rounded(point.upper)},
                                             {"standard_error", rounded(point.standard_error)},
                                             {"votes", point.votes}});
    }
    out["actors"] = std::move(actors);
    return out;
}

} // namespace

std::string to_json(const IdealPoints& points) {
    boost::json::object root;
    root["model"] = model_object(points.model);
    root["topic"] = points.topic ? boost::json::value(points.topic->str()) : boost::json::value(nullptr);
    root["reference"] = points.reference ? boost::json::value(points.reference->str()) : boost::json::value(nullptr);
    root["votes"] = points.votes;
    root["em_steps"] = points.em_steps;
    root["newton_steps"] = points.newton_steps;
    root["converged"] = points.converged;
    // Both convergence measures unrounded: four decimals would show them as 0.
    root["relative_change"] = points.relative_change;
    root["largest_gradient"] = points.largest_gradient;
    root["log_likelihood"] = rounded(points.log_likelihood);
    root["log_posterior"] = rounded(points.log_posterior);
    boost::json::array sessions;
    for (const IdealPointSession& session : points.sessions) {
        sessions.push_back(session_object(session));
    }
    root["sessions"] = std::move(sessions);
    return detail::pretty_json(root);
}

} // namespace stance
