// JSON renderings of agreement results (Boost.JSON, as the other query results).

#include <boost/json.hpp>

#include "io/json_pretty.hpp"
#include "stance/query/agreement.hpp"

namespace stance {

namespace {

void put_figures(boost::json::object& out, const AgreementCounts& counts) {
    out["n"] = counts.n;
    out["agree"] = counts.agree;
    out["share"] = detail::rounded_or_null(counts.share());
    out["kappa"] = detail::rounded_or_null(counts.kappa());
    out["s_score"] = detail::rounded_or_null(counts.s_score());
    out["voeten_agreement"] = detail::rounded_or_null(counts.voeten_agreement());
    boost::json::array table;
    for (const auto& row : counts.table) {
        table.push_back(boost::json::array{row[0], row[1], row[2]});
    }
    out["table"] = std::move(table); // rows: first actor yes/abstain/no; columns: second actor
}

boost::json::object actor_object(const ActorId& id, const std::string& name) {
    return boost::json::object{{"id", id.str()}, {"name", name}};
}

boost::json::value optional_topic(const std::optional<TopicId>& topic) {
    return topic ? boost::json::value(topic->str()) : boost::json::value(nullptr);
}

} // namespace

std::string to_json(const VoteAgreement& agreement) {
    boost::json::object root;
    root["first"] = actor_object(agreement.first, agreement.first_name);
    root["second"] = actor_object(agreement.second, agreement.second_name);
    root["topic"] = optional_topic(agreement.topic);
    root["by"] = std::string(to_string(agreement.options.by));
    const RollCallFilter& filter = agreement.options.roll_calls;
    root["roll_calls"] = boost::json::object{{"exclude_unanimous", filter.exclude_unanimous},
                                             {"important_only", filter.important_only},
                                             {"exclude_amendments", filter.exclude_amendments},
                                             {"exclude_paragraphs", filter.exclude_paragraphs}};
    boost::json::object overall;
    put_figures(overall, agreement.overall);
    root["overall"] = std::move(overall);
    boost::json::array items;
    for (const AgreementPeriod& period : agreement.periods) {
        boost::json::object item;
        item["period"] = period.key;
        item["label"] = period.label;
        item["first_date"] = period.first.iso();
        item["last_date"] = period.last.iso();
        put_figures(item, period.counts);
        items.push_back(std::move(item));
    }
    root["items"] = std::move(items);
    return detail::pretty_json(root);
}

std::string to_json(const AgreementMatrix& matrix) {
    boost::json::object root;
    root["meeting"] = matrix.meeting.str();
    root["period"] = matrix.period;
    root["label"] = matrix.label;
    root["topic"] = optional_topic(matrix.topic);
    root["roll_calls"] = matrix.roll_calls;
    boost::json::array actors;
    for (std::size_t i = 0; i < matrix.actors.size(); ++i) {
        actors.push_back(actor_object(matrix.actors[i], matrix.names[i]));
    }
    root["actors"] = std::move(actors);
    boost::json::array pairs;
    for (std::size_t i = 0; i < matrix.actors.size(); ++i) {
        for (std::size_t j = i + 1; j < matrix.actors.size(); ++j) {
            boost::json::object pair;
            pair["first"] = matrix.actors[i].str();
            pair["second"] = matrix.actors[j].str();
            put_figures(pair, matrix.at(i, j));
            pairs.push_back(std::move(pair));
        }
    }
    root["pairs"] = std::move(pairs);
    return detail::pretty_json(root);
}

} // namespace stance
