// compare and agreement read through one definition of which stances reach an actor (reach.hpp), so
// where both apply they must tell the same story: on recorded votes with one roll call per claim,
// compare's agree rows are agreement's identical votes and its diverge rows the different ones,
// also when one side's votes were cast by a person representing it.
#include <doctest/doctest.h>

#include <algorithm>

#include "stance/io/dataset_json.hpp"
#include "stance/query/agreement.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/compare.hpp"
#include "stance/query/reach.hpp"
#include "stance/store/store.hpp"
#include "support.hpp"

using namespace stance;

namespace {

// Three states vote on seven roll calls, each on its own claim; South's votes on rc-1, rc-3 and
// rc-5 are cast by its envoy (a person with a role representing it that year), North is absent on
// rc-6 and East does not vote on rc-5.
std::unique_ptr<Store> assembly() {
    auto store = Store::open(":memory:");
    store->import(read_dataset_file(test::source_dir() / "tests/data/votes/one-claim-per-roll-call.json"));
    return store;
}

AgreementCounts overall_agreement(const Store& store, const Catalog& catalog, const char* first, const char* second) {
    AgreementOptions options;
    options.by = Period::none;
    return agreement(store, catalog, ActorId{first}, ActorId{second}, options).overall;
}

} // namespace

TEST_CASE("compare's agree and diverge rows are agreement's identical and different votes") {
    auto store = assembly();
    const Catalog catalog{*store};
    struct Expected {
        const char* first;
        const char* second;
        std::uint32_t identical;
        std::uint32_t different;
    };
    // Counted by hand from the fixture: the same numbers must come out of both queries.
    for (const Expected& pair : {Expected{"north", "south", 3, 3}, Expected{"north", "east", 3, 2},
                                 Expected{"south", "east", 2, 4}, Expected{"east", "south", 2, 4}}) {
        CAPTURE(pair.first);
        CAPTURE(pair.second);
        const AgreementCounts votes = overall_agreement(*store, catalog, pair.first, pair.second);
        const Comparison comparison = compare(*store, catalog, ActorId{pair.first}, ActorId{pair.second});
        CHECK(votes.agree == pair.identical);
        CHECK(votes.n - votes.agree == pair.different);
        CHECK(comparison.count(Agreement::agree) == votes.agree);
        CHECK(comparison.count(Agreement::diverge) == votes.n - votes.agree);
    }
}

TEST_CASE("a vote cast by a representative reaches the represented actor in both queries, as speaker") {
    auto store = assembly();
    const Catalog catalog{*store};
    const Comparison comparison = compare(*store, catalog, ActorId{"north"}, ActorId{"south"});
    std::size_t through_envoy = 0;
    for (const CompareRow& row : comparison.rows) {
        for (const ActorStance& item : row.second.stances) {
            if (item.via == Via::speaker) {
                CHECK(item.through == ActorId{"envoy"});
                ++through_envoy;
            }
        }
    }
    CHECK(through_envoy == 3);
    // Without the envoy's three votes South and North would share four roll calls, not six.
    CHECK(overall_agreement(*store, catalog, "north", "south").n == 6);
    // The envoy's votes are also its own.
    CHECK(overall_agreement(*store, catalog, "envoy", "north").n == 3);
}

TEST_CASE("the agreement matrix counts a representative's vote for the actor it represents") {
    auto store = assembly();
    const Catalog catalog{*store};
    const AgreementMatrix matrix = agreement_matrix(*store, catalog, MeetingId{"s1"});
    const auto row = [&](const char* id) {
        return static_cast<std::size_t>(std::find(matrix.actors.begin(), matrix.actors.end(), ActorId{id}) -
                                        matrix.actors.begin());
    };
    REQUIRE(row("south") < matrix.actors.size());
    CHECK(matrix.at(row("north"), row("south")).n == 6);
    CHECK(matrix.at(row("north"), row("south")).agree == 3);
}

TEST_CASE("agreement reads only the direct scope of the shared definition") {
    auto store = assembly();
    const Catalog catalog{*store};
    CHECK(possible_holders(catalog, ActorId{"south"}, ReachScope::direct) ==
          std::vector<ActorId>{ActorId{"south"}, ActorId{"envoy"}});
}
