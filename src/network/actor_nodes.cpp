// The attributes of actor nodes. One row per column: a later analysis that knows more about an
// actor (its bloc, its ideal point in a period) adds its own column with add_node_column.
#include <array>
#include <string>

#include "stance/model/actor.hpp"
#include "stance/network/network.hpp"
#include "stance/query/catalog.hpp"

namespace stance {

namespace {

struct ActorColumn {
    AttributeColumn column;
    std::string (*value)(const Actor& actor);
};

const std::array actor_columns{
    ActorColumn{{"name", AttributeType::string}, [](const Actor& a) { return a.name; }},
    ActorColumn{{"actor_kind", AttributeType::string}, [](const Actor& a) { return std::string(to_string(a.kind)); }},
    ActorColumn{{"iso2", AttributeType::string}, [](const Actor& a) { return a.iso2; }},
    ActorColumn{{"iso3", AttributeType::string}, [](const Actor& a) { return a.iso3; }},
};

} // namespace

void add_actor_columns(Network& network, const Catalog& catalog) {
    for (const ActorColumn& column : actor_columns) {
        add_node_column(network, column.column, [&](const NetworkNode& node) {
            const Actor* actor = catalog.find(ActorId{node.id}); // claim nodes are not actors: no value
            return actor != nullptr ? column.value(*actor) : std::string{};
        });
    }
}

} // namespace stance
