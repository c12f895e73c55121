// The JSON form of an inter-coder reliability report (docs/intercoder-reliability.md).
#include <boost/json.hpp>

#include "io/json_pretty.hpp"
#include "stance/query/reliability.hpp"

namespace stance {

namespace {

boost::json::object variable_object(const VariableAgreement& variable) {
    return boost::json::object{{"units", variable.units},
                               {"agree", variable.agree},
                               {"share", detail::rounded_or_null(variable.share())},
                               {"alpha", detail::rounded_or_null(variable.alpha)},
                               {"kappa", detail::rounded_or_null(variable.kappa)}};
}

boost::json::object pair_object(const CoderPairReliability& pair) {
    boost::json::object out;
    out["document"] = pair.document ? boost::json::value(pair.document->str()) : boost::json::value(nullptr);
    out["first"] = boost::json::object{{"coder", pair.first}, {"stances", pair.first_stances}};
    out["second"] = boost::json::object{{"coder", pair.second}, {"stances", pair.second_stances}};
    const SentenceAgreement& sentences = pair.sentences;
    boost::json::object units = variable_object(sentences.coded);
    units["both"] = sentences.both;
    units["first_only"] = sentences.first_only;
    units["second_only"] = sentences.second_only;
    units["neither"] = sentences.neither;
    out["sentences"] = std::move(units);
    out["paired"] = pair.paired;
    out["actor"] = variable_object(pair.actor);
    out["claim"] = variable_object(pair.claim);
    out["kind"] = variable_object(pair.kind);
    out["scale_position"] = variable_object(pair.scale_position);
    return out;
}

boost::json::array pair_array(const std::vector<CoderPairReliability>& pairs) {
    boost::json::array out;
    for (const CoderPairReliability& pair : pairs) {
        out.push_back(pair_object(pair));
    }
    return out;
}

} // namespace

std::string to_json(const ReliabilityReport& report) {
    boost::json::array without_text;
    for (const DocumentId& id : report.without_text) {
        without_text.push_back(boost::json::value(id.str()));
    }
    return detail::pretty_json(boost::json::object{{"documents", pair_array(report.documents)},
                                                   {"pooled", pair_array(report.pooled)},
                                                   {"without_text", std::move(without_text)}});
}

} // namespace stance
