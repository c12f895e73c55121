// Inter-coder reliability from a store: sentences as units, stances paired on them, the figures
// per coder pair, and the refusals. The expected figures are worked out by hand in each case (the
// arithmetic itself is tested in test_reliability_stats.cpp).
#include <doctest/doctest.h>

#include "query/query_fixture.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/reliability.hpp"

using namespace stance;

namespace {

/// A second coder's coding of the span `original` coded: same sentence, same words.
Stance recoded(const Stance& original, const std::string& id, const std::string& coder) {
    Stance copy = original;
    copy.id = StanceId{id};
    copy.coder = coder;
    return copy;
}

/// Six sentences. Ana codes the first four; Ben codes the first three and the fifth, and differs from
/// Ana on the actor of the second and on the position of the third; nobody codes the sixth.
test::DatasetBuilder two_coders() {
    test::DatasetBuilder builder;
    builder.actor("nld", ActorKind::state, "Netherlands")
        .actor("fra", ActorKind::state, "France")
        .topic("defence", "Defence")
        .topic("russia", "Russia")
        .meeting("m1", Date{2017, 3, 31});
    Dataset& dataset = builder.dataset();
    builder.stance("a1", "nld", "defence", "m1", PositionKind::support).coder = "ana";
    builder.stance("a2", "fra", "defence", "m1", PositionKind::oppose).coder = "ana";
    builder.stance("a3", "nld", "russia", "m1", PositionKind::concern).coder = "ana";
    builder.stance("a4", "fra", "russia", "m1", PositionKind::support).coder = "ana";
    dataset.stances.push_back(recoded(dataset.stances[0], "b1", "ben"));
    dataset.stances.push_back(recoded(dataset.stances[1], "b2", "ben"));
    dataset.stances.back().actor = ActorId{"nld"};
    dataset.stances.push_back(recoded(dataset.stances[2], "b3", "ben"));
    dataset.stances.back().kind = PositionKind::oppose;
    dataset.stances.back().score = -1.0;
    Document& document = dataset.documents.front();
    const std::string fifth = "France said nothing new about Russia.";
    document.text += " " + fifth;
    Stance b5 = recoded(dataset.stances[3], "b5", "ben");
    b5.quote = fifth;
    b5.source = SourceSpan{document.id, document.text.size() - fifth.size(), document.text.size(), std::nullopt};
    b5.kind = PositionKind::neutral;
    b5.score = 0.0;
    dataset.stances.push_back(b5);
    document.text += " Nobody coded this last sentence.";
    return builder;
}

ReliabilityReport report_of(const Store& store, const ReliabilityOptions& options = {}) {
    const Catalog catalog{store};
    return reliability(store, catalog, options);
}

} // namespace

TEST_CASE("reliability of two coders on one document: sentences, actor, claim, position kind") {
    auto store = two_coders().store();
    const ReliabilityReport report = report_of(*store);
    REQUIRE(report.documents.size() == 1);
    CHECK(report.pooled.empty()); // one document: nothing to pool
    const CoderPairReliability& pair = report.documents.front();
    CHECK(pair.document == DocumentId{"doc"});
    CHECK(pair.first == "ana");
    CHECK(pair.second == "ben");
    CHECK(pair.first_stances == 4);
    CHECK(pair.second_stances == 4);
    // Sentences (1,1) (1,1) (1,1) (1,0) (0,1) (0,0): o_11 = 6, o_10 = o_01 = 2, o_00 = 2; n_1 = 8,
    // n_0 = 4, n = 12; D_o = 4/12, D_e = 2·8·4 / (12·11) = 64/132; alpha = 1 - 132/192 = 0.3125.
    // Kappa: p_o = 4/6, each coded 4 of 6: p_e = 16/36 + 4/36; kappa = (4/36) / (16/36) = 0.25.
    CHECK(pair.sentences.sentences == 6);
    CHECK(pair.sentences.both == 3);
    CHECK(pair.sentences.first_only == 1);
    CHECK(pair.sentences.second_only == 1);
    CHECK(pair.sentences.neither == 1);
    CHECK(pair.sentences.coded.units == 6);
    CHECK(pair.sentences.coded.agree == 4);
    CHECK(*pair.sentences.coded.alpha == doctest::Approx(0.3125));
    CHECK(*pair.sentences.coded.kappa == doctest::Approx(0.25));
    // Three pairs of stances (sentences 1-3). Actors (nld,nld) (fra,nld) (nld,nld): n_nld = 5,
    // n_fra = 1, D_o = 2/6 = D_e = 10/30, alpha 0; kappa: p_o = 2/3 = p_e, kappa 0.
    CHECK(pair.paired == 3);
    CHECK(pair.actor.units == 3);
    CHECK(pair.actor.agree == 2);
    CHECK(*pair.actor.alpha == doctest::Approx(0.0));
    CHECK(*pair.actor.kappa == doctest::Approx(0.0));
    // Claims: defence, defence, russia on both sides: alpha 1, kappa 1.
    CHECK(pair.claim.agree == 3);
    CHECK(*pair.claim.alpha == doctest::Approx(1.0));
    CHECK(*pair.claim.kappa == doctest::Approx(1.0));
    // Kinds (support,support) (oppose,oppose) (concern,oppose): n_s = 2, n_o = 3, n_c = 1, D_o = 2/6,
    // D_e = (36 - 14) / 30; alpha = 1 - 10/22. Kappa: p_e = 1/3·1/3 + 1/3·2/3 = 1/3: (1/3) / (2/3).
    CHECK(pair.kind.agree == 2);
    CHECK(*pair.kind.alpha == doctest::Approx(12.0 / 22.0));
    CHECK(*pair.kind.kappa == doctest::Approx(0.5));
    // No topic has a scale: no position on one to compare.
    CHECK(pair.scale_position.units == 0);
    CHECK_FALSE(pair.scale_position.alpha);
}

TEST_CASE("reliability: positions compared on a scale where both stances lie on the same one") {
    test::DatasetBuilder builder = two_coders();
    Topic& russia = builder.dataset().topics[1];
    russia.scale = Scale{{{"en", "dialogue"}}, {{"en", "pressure"}}};
    russia.directions.push_back(Direction{TopicId{"russia"}, 1.0});
    auto store = builder.store();
    const CoderPairReliability pair = report_of(*store).documents.at(0);
    // Only sentence 3 pairs stances on the Russia scale: concern (-0.5) against oppose (-1). One unit
    // of two different values: D_o = D_e = 0.25, alpha 0; interval figures have no kappa.
    CHECK(pair.scale_position.units == 1);
    CHECK(pair.scale_position.agree == 0);
    CHECK(*pair.scale_position.alpha == doctest::Approx(0.0));
    CHECK_FALSE(pair.scale_position.kappa);
}

TEST_CASE("reliability: two stances of each coder in one sentence pair by the overlap of their spans") {
    test::DatasetBuilder builder;
    builder.actor("nld", ActorKind::state, "Netherlands")
        .actor("fra", ActorKind::state, "France")
        .topic("defence", "Defence")
        .meeting("m1", Date{2017, 3, 31});
    Dataset& dataset = builder.dataset();
    Document& document = dataset.documents.front();
    document.text = "The Netherlands supported more spending, and France opposed it.";
    const auto coded = [&](const std::string& id, const std::string& coder, const std::string& actor, PositionKind kind,
                           std::size_t start, std::size_t end) {
        Stance stance;
        stance.id = StanceId{id};
        stance.actor = ActorId{actor};
        stance.topic = TopicId{"defence"};
        stance.meeting = MeetingId{"m1"};
        stance.kind = kind;
        stance.score = default_score(kind);
        stance.quote = document.text.substr(start, end - start);
        stance.source = SourceSpan{document.id, start, end, std::nullopt};
        stance.coder = coder;
        dataset.stances.push_back(stance);
    };
    const std::size_t comma = document.text.find(',');
    const std::size_t france = document.text.find("France");
    // Ana codes France first in the file, Ben the Netherlands first: the spans decide, not the order.
    coded("a-fra", "ana", "fra", PositionKind::oppose, france, document.text.size() - 1);
    coded("a-nld", "ana", "nld", PositionKind::support, 0, comma);
    coded("b-nld", "ben", "nld", PositionKind::support, 4, comma); // fewer words, same statement
    coded("b-fra", "ben", "fra", PositionKind::oppose, france, document.text.size());
    auto store = builder.store();
    const CoderPairReliability pair = report_of(*store).documents.at(0);
    CHECK(pair.sentences.sentences == 1);
    CHECK(pair.paired == 2);
    CHECK(pair.actor.agree == 2);
    CHECK(pair.kind.agree == 2);
    CHECK(*pair.actor.alpha == doctest::Approx(1.0));
}

TEST_CASE("reliability: coders chosen, one coder, an unknown coder, an unknown document, no second coder") {
    auto store = two_coders().store();
    SUBCASE("the two coders named give the same pair") {
        const ReliabilityReport report = report_of(*store, {std::nullopt, {"ben", "ana"}});
        REQUIRE(report.documents.size() == 1);
        CHECK(report.documents[0].first == "ana");
    }
    SUBCASE("one coder alone is refused") {
        CHECK_THROWS_WITH_AS(report_of(*store, {std::nullopt, {"ana"}}),
                             "--coder: only one coder, \"ana\": agreement needs two; give --coder twice, or no --coder "
                             "for every pair",
                             invalid_input_error);
    }
    SUBCASE("a coder who coded nothing is refused with the closest names") {
        try {
            (void)report_of(*store, {DocumentId{"doc"}, {"ana", "bne"}});
            FAIL("expected a not_found_error");
        } catch (const not_found_error& failure) {
            CHECK(std::string(failure.what()) ==
                  "no stance with a source span in doc is coded by \"bne\"; give the coder's name exactly as its "
                  "stances record it; closest: \"ben\", \"ana\"");
            CHECK(failure.candidates() == std::vector<std::string>{"ben", "ana"});
        }
    }
    SUBCASE("an unknown document is refused") {
        CHECK_THROWS_AS(report_of(*store, {DocumentId{"nope"}, {}}), not_found_error);
    }
    SUBCASE("a document coded by one coder has nothing to compare") {
        test::DatasetBuilder alone;
        alone.actor("nld", ActorKind::state, "Netherlands")
            .topic("defence", "Defence")
            .meeting("m1", Date{2017, 3, 31});
        alone.stance("a1", "nld", "defence", "m1", PositionKind::support).coder = "ana";
        auto single = alone.store();
        const ReliabilityReport report = report_of(*single);
        CHECK(report.documents.empty());
        CHECK(report.pooled.empty());
    }
}

TEST_CASE("reliability: a pair's documents pooled, and coders who never meet on a sentence") {
    test::DatasetBuilder builder = two_coders();
    Dataset& dataset = builder.dataset();
    // A second document where the coders code different sentences: no pair of stances, and on the
    // sentences perfect disagreement (1,0) (0,1): alpha = 1 - 1 / (2·2·2 / (4·3)) = -0.5, kappa -1.
    Document second = dataset.documents.front();
    second.id = DocumentId{"doc2"};
    second.text = "The first sentence. The second sentence.";
    dataset.documents.push_back(second);
    Stance a = recoded(dataset.stances[0], "a-doc2", "ana");
    a.quote = "The first sentence.";
    a.source = SourceSpan{second.id, 0, a.quote.size(), std::nullopt};
    Stance b = recoded(dataset.stances[0], "b-doc2", "ben");
    b.quote = "The second sentence.";
    b.source = SourceSpan{second.id, second.text.size() - b.quote.size(), second.text.size(), std::nullopt};
    dataset.stances.push_back(a);
    dataset.stances.push_back(b);
    auto store = builder.store();
    const ReliabilityReport report = report_of(*store);
    REQUIRE(report.documents.size() == 2);
    const CoderPairReliability& apart = report.documents[1];
    CHECK(apart.document == DocumentId{"doc2"});
    CHECK(apart.paired == 0);
    CHECK(apart.actor.units == 0);
    CHECK_FALSE(apart.actor.alpha);
    CHECK(apart.sentences.coded.agree == 0);
    CHECK(*apart.sentences.coded.alpha == doctest::Approx(-0.5));
    CHECK(*apart.sentences.coded.kappa == doctest::Approx(-1.0));
    // Pooled: 8 sentences, 4 agreeing, the 3 pairs of the first document.
    REQUIRE(report.pooled.size() == 1);
    const CoderPairReliability& pooled = report.pooled.front();
    CHECK_FALSE(pooled.document);
    CHECK(pooled.sentences.sentences == 8);
    CHECK(pooled.sentences.coded.agree == 4);
    CHECK(pooled.paired == 3);
    CHECK(pooled.first_stances == 5);
}
