// Evolution on a scale: positions are score × direction, periods carry the mean position and its
// spread, shifts are moves on the scale or changes on the same claim, and every point names its claim.
#include <algorithm>

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include "query_fixture.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/evolution.hpp"
#include "stance/query/json.hpp"
#include "stance/query/scale.hpp"
#include "support.hpp"

using namespace stance;

namespace {

// Russia has a scale from "cooperation" (-1) to "pressure" (+1). Supporting dialogue points to
// cooperation, supporting sanctions to pressure; the war topic sits under Russia and Ukraine and
// points to pressure, which its propositions inherit; trade talk is explicitly not on the scale.
//   2015  nld supports dialogue                     → -1
//   2016  nld supports dialogue (half-heartedly)    → -0.5
//   2022  nld supports sanctions, opposes dialogue  → +1, +1
//   2023  nld supports condemning the war           → +1 (the proposition's own direction)
//         nld supports prosecuting war crimes         → +1 (no proposition: inherited from the war topic)
//         nld supports more trade                     → off the scale (trade's direction is 0)
test::DatasetBuilder russia_record() {
    test::DatasetBuilder b;
    b.actor("nld", ActorKind::state, "Netherlands", {}, "NL", "NLD")
        .topic("russia", "Russia")
        .topic("ukraine", "Ukraine")
        .topic("war", "Russia's war against Ukraine", "russia")
        .topic("trade", "Trade with Russia", "russia")
        .topic("war-crimes", "War crimes in Ukraine", "war")
        .proposition("dialogue", "russia", "NATO should keep talking with Russia")
        .proposition("sanctions", "russia", "Sanctions on Russia should be kept up")
        .proposition("condemn", "war", "Russia's war against Ukraine is a war of aggression")
        .meeting("m2015", Date{2015, 5, 1})
        .meeting("m2016", Date{2016, 5, 1})
        .meeting("m2022", Date{2022, 9, 20})
        .meeting("m2023", Date{2023, 9, 20});
    Dataset& d = b.dataset();
    d.topics[0].scale = Scale{{{"en", "cooperation"}}, {{"en", "pressure"}, {"nl", "druk"}}};
    d.topics[2].parents.emplace_back("ukraine");
    d.topics[2].directions = {Direction{TopicId{"russia"}, 1.0}};
    d.topics[3].directions = {Direction{TopicId{"russia"}, 0.0}};
    d.propositions[0].directions = {Direction{TopicId{"russia"}, -1.0}};
    d.propositions[1].directions = {Direction{TopicId{"russia"}, 1.0}};
    d.propositions[2].directions = {Direction{TopicId{"russia"}, 1.0}};
    b.stance("a-2015", "nld", "russia", "m2015", PositionKind::support).proposition = PropositionId{"dialogue"};
    Stance& half = b.stance("b-2016", "nld", "russia", "m2016", PositionKind::conditional);
    half.proposition = PropositionId{"dialogue"};
    b.stance("c-2022", "nld", "russia", "m2022", PositionKind::support).proposition = PropositionId{"sanctions"};
    b.stance("d-2022", "nld", "russia", "m2022", PositionKind::oppose).proposition = PropositionId{"dialogue"};
    b.stance("e-2023", "nld", "war", "m2023", PositionKind::support).proposition = PropositionId{"condemn"};
    b.stance("f-2023", "nld", "trade", "m2023", PositionKind::support);
    b.stance("g-2023", "nld", "war-crimes", "m2023", PositionKind::support);
    return b;
}

const ActorStance& point(const Evolution& evolution, const std::string& id) {
    for (const ActorStance& p : evolution.points) {
        if (p.stance.id.str() == id) {
            return p;
        }
    }
    FAIL("no point " << id);
    throw;
}

} // namespace

TEST_CASE("directions come from the proposition, or for a topic alone from it or its nearest ancestor") {
    auto store = russia_record().store();
    const Catalog catalog{*store};
    CHECK(scale_for(catalog, TopicId{"war"}) == TopicId{"russia"});
    CHECK_FALSE(scale_for(catalog, TopicId{"ukraine"}));
    const Evolution result = evolution(*store, catalog, ActorId{"nld"}, TopicId{"russia"});
    CHECK(point(result, "a-2015").on_scale->position == doctest::Approx(-1.0));
    CHECK(point(result, "a-2015").on_scale->pole == "cooperation");
    CHECK(point(result, "b-2016").on_scale->position == doctest::Approx(-0.5));
    CHECK(point(result, "d-2022").on_scale->position == doctest::Approx(1.0)); // oppose dialogue → pressure
    CHECK(point(result, "e-2023").on_scale->position == doctest::Approx(1.0));
    CHECK(point(result, "g-2023").on_scale->position == doctest::Approx(1.0)); // inherited from the war topic
    CHECK(point(result, "g-2023").on_scale->pole == "pressure");
    CHECK_FALSE(point(result, "f-2023").on_scale); // trade: explicitly not on the scale
    CHECK(point(result, "a-2015").claim == "NATO should keep talking with Russia");
    CHECK(point(result, "f-2023").claim == "Trade with Russia"); // no proposition: the topic is the claim
}

TEST_CASE("yearly periods carry the mean position on the scale and its spread, and shifts on it") {
    auto store = russia_record().store();
    EvolutionOptions options;
    options.by = Period::year;
    options.shift_threshold = 0.6; // -1 → -0.5 (2015 → 2016) is no shift
    const Evolution result = evolution(*store, ActorId{"nld"}, TopicId{"russia"}, options);
    REQUIRE(result.scale == TopicId{"russia"});
    CHECK(result.minus_label == "cooperation");
    CHECK(result.plus_label == "pressure");
    REQUIRE(result.periods.size() == 4);
    CHECK(*result.periods[0].on_scale.mean == doctest::Approx(-1.0));
    CHECK(*result.periods[2].on_scale.mean == doctest::Approx(1.0));
    CHECK(*result.periods[2].on_scale.spread == doctest::Approx(0.0));
    CHECK(result.periods[3].on_scale.n == 2);
    CHECK(result.periods[3].on_scale.off_scale == 1);
    CHECK(result.overall_on_scale.n == 6);
    CHECK(*result.overall_on_scale.spread > 0.5);

    // 2016 → 2022 on the scale, and on the same claim "dialogue": conditional 2016 → oppose 2022.
    std::size_t on_scale = 0;
    std::size_t on_claim = 0;
    for (const Shift& shift : result.shifts) {
        if (shift.on == ShiftOn::scale) {
            ++on_scale;
            CHECK(shift.before == "2016");
            CHECK(shift.after == "2022");
            CHECK(shift.pole_before == "cooperation");
            CHECK(shift.pole_after == "pressure");
            CHECK(shift.evidence_before.front().date.year() == 2016);
            CHECK(shift.evidence_after.front().date.year() == 2022);
        } else if (shift.on == ShiftOn::claim) {
            ++on_claim;
            CHECK(shift.claim == "NATO should keep talking with Russia");
        }
    }
    CHECK(on_scale == 1);
    CHECK(on_claim == 2); // support → conditional (kind), conditional → oppose
}

TEST_CASE("the JSON form of an evolution on a scale carries claims, positions, means and spreads") {
    auto store = russia_record().store();
    EvolutionOptions options;
    options.by = Period::year;
    const boost::json::value json =
        boost::json::parse(to_json(evolution(*store, ActorId{"nld"}, TopicId{"russia"}, options)));
    CHECK(json.at("scale").at("plus").as_string() == "pressure");
    const auto& first = json.at("points").as_array().at(0);
    CHECK(first.at("claim").as_string() == "NATO should keep talking with Russia");
    CHECK(first.at("on_scale").at("position").to_number<double>() == doctest::Approx(-1.0));
    CHECK(first.at("basis").as_string() == "statement");
    const auto& period = json.at("periods").as_array().at(0);
    CHECK(period.at("on_scale").at("mean_position").to_number<double>() == doctest::Approx(-1.0));
    CHECK(period.at("on_scale").at("spread").to_number<double>() == doctest::Approx(0.0));
}

TEST_CASE("the Netherlands on Russia, 2014 to 2024, on the bundled data: positions per year and the shift") {
    auto store = Store::open(":memory:");
    import_dataset_file(*store, test::source_dir() / "data/seed/nato-2017-03-31.json");
    import_dataset_file(*store, test::source_dir() / "data/general-debate/nld-russia-ukraine.json");
    EvolutionOptions options;
    options.by = Period::year;
    const Evolution result = evolution(*store, ActorId{"nld"}, TopicId{"russia"}, options);
    REQUIRE(result.scale == TopicId{"russia"});
    std::vector<std::string> years;
    for (const PeriodSummary& period : result.periods) {
        years.push_back(period.key);
        CHECK(period.on_scale.n > 0);
        CHECK(period.on_scale.spread.has_value());
    }
    CHECK(years == std::vector<std::string>{"2014", "2017", "2022", "2023", "2024"});
    // 2017 leans to engagement (the seed's dialogue), 2022 to pressure (the war of aggression).
    CHECK(*result.periods[1].on_scale.mean < 0.0);
    CHECK(*result.periods[2].on_scale.mean > 0.5);

    bool across = false;
    for (const Shift& shift : result.shifts) {
        if (shift.on != ShiftOn::scale || shift.evidence_before.empty() || shift.evidence_after.empty()) {
            continue;
        }
        const bool before_by_2017 = std::all_of(shift.evidence_before.begin(), shift.evidence_before.end(),
                                                [](const ActorStance& p) { return p.date.year() <= 2017; });
        const bool after_from_2022 = std::all_of(shift.evidence_after.begin(), shift.evidence_after.end(),
                                                 [](const ActorStance& p) { return p.date.year() >= 2022; });
        const bool quoted = std::all_of(shift.evidence_before.begin(), shift.evidence_before.end(),
                                        [](const ActorStance& p) { return !p.stance.quote.empty(); });
        across = across || (before_by_2017 && after_from_2022 && quoted);
    }
    CHECK(across);
    // Every point names its claim: the proposition's statement when there is one.
    for (const ActorStance& point : result.points) {
        CHECK(point.claim == (point.statement.empty() ? point.topic_label : point.statement));
        CHECK_FALSE(point.claim.empty());
    }
}
