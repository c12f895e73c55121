#include <algorithm>
#include <map>

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include "query_fixture.hpp"
#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/compare.hpp"
#include "stance/query/json.hpp"
#include "stance/query/snapshot.hpp"
#include "stance/query/tree.hpp"

using namespace stance;

namespace {

const SnapshotTopic* topic_in(const Snapshot& snapshot, const std::string& id) {
    auto found = std::find_if(snapshot.topics.begin(), snapshot.topics.end(),
                              [&](const SnapshotTopic& topic) { return topic.topic == TopicId{id}; });
    return found == snapshot.topics.end() ? nullptr : &*found;
}

const CompareRow* row_for(const Comparison& comparison, const std::string& proposition) {
    auto found = std::find_if(comparison.rows.begin(), comparison.rows.end(), [&](const CompareRow& row) {
        return row.proposition && row.proposition->str() == proposition;
    });
    return found == comparison.rows.end() ? nullptr : &*found;
}

} // namespace

TEST_CASE("a snapshot of the ministerial includes its nested meetings and nothing else") {
    auto store = test::seed_store();
    const Snapshot result = snapshot(*store, MeetingId{"nac-fm-2017-03-31"});
    CHECK(result.meeting.id == MeetingId{"nac-fm-2017-03-31"});
    CHECK(result.meetings.size() == 4);

    std::size_t counted = 0;
    for (const SnapshotTopic& topic : result.topics) {
        for (const SnapshotActor& actor : topic.actors) {
            for (const SnapshotStance& item : actor.stances) {
                ++counted;
                // The NATO-Russia Council of 30 March is a separate meeting, not part of the ministerial.
                CHECK(item.stance.meeting != MeetingId{"nrc-2017-03-30"});
                CHECK(item.stance.topic == topic.topic);
            }
        }
    }
    CHECK(counted == result.stance_count);

    // The working lunch (a child meeting) is in: the Dutch dual-track statement.
    const SnapshotTopic* dual_track = topic_in(result, "russia-dual-track");
    REQUIRE(dual_track != nullptr);
    CHECK(dual_track->path == "Russia > Dual-track approach to Russia: deterrence and dialogue");
    REQUIRE_FALSE(dual_track->actors.empty());
    CHECK(dual_track->actors.front().actor == ActorId{"nld"});

    // Klimkin's words at the NATO-Ukraine Commission stand under Ukraine, with him as speaker.
    const SnapshotTopic* reform = topic_in(result, "ukraine-reform");
    REQUIRE(reform != nullptr);
    auto ukraine = std::find_if(reform->actors.begin(), reform->actors.end(),
                                [](const SnapshotActor& actor) { return actor.actor == ActorId{"ukr"}; });
    REQUIRE(ukraine != reform->actors.end());
    CHECK(ukraine->stances.front().speaker == ActorId{"klimkin"});
    CHECK(ukraine->stances.front().speaker_name == "Pavlo Klimkin");

    auto tillerson = std::find_if(result.participants.begin(), result.participants.end(),
                                  [](const SnapshotParticipant& p) { return p.person == ActorId{"tillerson"}; });
    REQUIRE(tillerson != result.participants.end());
    CHECK(tillerson->actor == ActorId{"usa"});
}

TEST_CASE("a snapshot restricted to a topic keeps that topic's subtree and the agenda items that carry it") {
    auto store = test::seed_store();
    SnapshotOptions options;
    options.topic = TopicId{"russia"};
    const Snapshot result = snapshot(*store, MeetingId{"nac-fm-2017-03-31"}, options);
    REQUIRE_FALSE(result.topics.empty());
    // A topic matches a stance when the stance or its agenda item carries it: the Western Balkans
    // item also carries "Russia in the Western Balkans", so its stances on the region come along.
    const Catalog catalog{*store};
    const auto russia = topic_with_descendants(catalog, TopicId{"russia"});
    std::map<AgendaItemId, std::vector<TopicId>> item_topics;
    for (const AgendaItem& item : store->agenda_items()) {
        item_topics[item.id] = item.topics;
    }
    for (const SnapshotTopic& topic : result.topics) {
        if (topic.path.rfind("Russia", 0) == 0) {
            continue;
        }
        for (const SnapshotActor& actor : topic.actors) {
            for (const SnapshotStance& entry : actor.stances) {
                REQUIRE(entry.stance.agenda_item);
                const auto& carried = item_topics[*entry.stance.agenda_item];
                CHECK(std::find_first_of(carried.begin(), carried.end(), russia.begin(), russia.end()) !=
                      carried.end());
            }
        }
    }
    // The Western Balkans item (working session) comes before the working lunch in the report.
    CHECK(std::any_of(result.topics.begin(), result.topics.end(),
                      [](const SnapshotTopic& t) { return t.topic == TopicId{"russia-western-balkans"}; }));
    CHECK_THROWS_AS((void)snapshot(*store, MeetingId{"no-such-meeting"}), not_found_error);
}

TEST_CASE("a person's stance stands under the actor the person represented that day") {
    test::DatasetBuilder b;
    b.actor("nld", ActorKind::state, "Netherlands")
        .actor("koenders", ActorKind::person, "Bert Koenders")
        .role("koenders", "nld", Date{2014, 10, 17}, Date{2017, 10, 26})
        .topic("russia", "Russia")
        .meeting("m", Date{2017, 3, 31})
        .participant("m", "nld", "koenders");
    b.stance("said", "koenders", "russia", "m", PositionKind::concern);
    auto store = b.store();
    const Snapshot result = snapshot(*store, MeetingId{"m"});
    REQUIRE(result.topics.size() == 1);
    REQUIRE(result.topics[0].actors.size() == 1);
    CHECK(result.topics[0].actors[0].actor == ActorId{"nld"});
    CHECK(result.topics[0].actors[0].stances[0].speaker == ActorId{"koenders"});
    REQUIRE(result.participants.size() == 1);
    CHECK(result.participants[0].person_name == "Bert Koenders");

    const boost::json::object json = boost::json::parse(to_json(result)).as_object();
    CHECK(json.at("meeting").at("id").as_string() == "m");
    CHECK(json.at("topics").at(0).at("actors").at(0).at("actor").as_string() == "nld");
    CHECK(json.at("topics").at(0).at("actors").at(0).at("stances").at(0).at("position").as_string() == "concern");
}

TEST_CASE("the Netherlands and the United States on defence spending in the seed report") {
    auto store = test::seed_store();
    CompareOptions options;
    options.topic = TopicId{"defence-spending"};
    const Comparison result = compare(*store, ActorId{"nld"}, ActorId{"usa"}, options);
    CHECK(result.first_name == "Netherlands");
    CHECK(result.second_name == "United States");

    // Both said the Wales commitments must be honoured.
    const CompareRow* wales = row_for(result, "honour-wales-defence-spending-commitments");
    REQUIRE(wales != nullptr);
    CHECK(wales->agreement == Agreement::agree);
    CHECK_FALSE(wales->first.inherited);
    CHECK_FALSE(wales->second.inherited);

    // The US proposal of national plans: the Allies took no position yet, so the Netherlands has none.
    const CompareRow* plans = row_for(result, "national-plans-towards-two-percent");
    REQUIRE(plans != nullptr);
    CHECK(plans->agreement == Agreement::only_second);
    CHECK_FALSE(plans->first.stances.empty()); // the Allies' no_position is listed as evidence
    CHECK_FALSE(plans->first.has_position());

    // "Veel landen, waaronder Nederland": named for the Netherlands, only part of the group for the US.
    const CompareRow* diplomacy = row_for(result, "diplomacy-development-spending-matters");
    REQUIRE(diplomacy != nullptr);
    CHECK(diplomacy->agreement == Agreement::only_first);
    CHECK(diplomacy->first.inherited);
    CHECK(diplomacy->first.stances.at(0).via == Via::named);
    REQUIRE(diplomacy->second.stances.size() == 1);
    CHECK(diplomacy->second.stances[0].via == Via::group);

    CHECK(result.count(Agreement::agree) >= 1);
    CHECK(result.count(Agreement::diverge) == 0);
    CHECK(result.count(Agreement::agree) + result.count(Agreement::diverge) + result.count(Agreement::only_first) +
              result.count(Agreement::only_second) + result.count(Agreement::neither) ==
          result.rows.size());
}

TEST_CASE("compare tells agreement, divergence, one-sidedness and silence apart") {
    test::DatasetBuilder b;
    b.actor("aaa", ActorKind::state, "Aland")
        .actor("bbb", ActorKind::state, "Boland")
        .topic("t", "Topic")
        .proposition("p-agree", "t", "Agree on this.")
        .proposition("p-diverge", "t", "Diverge on this.")
        .proposition("p-one", "t", "Only the first speaks.")
        .proposition("p-silent", "t", "Nobody takes a position.")
        .meeting("m", Date{2020, 1, 1});
    b.stance("a1", "aaa", "t", "m", PositionKind::concern).proposition = PropositionId{"p-agree"};
    b.stance("b1", "bbb", "t", "m", PositionKind::oppose).proposition = PropositionId{"p-agree"};
    b.stance("a2", "aaa", "t", "m", PositionKind::support).proposition = PropositionId{"p-diverge"};
    b.stance("b2", "bbb", "t", "m", PositionKind::neutral).proposition = PropositionId{"p-diverge"};
    b.stance("a3", "aaa", "t", "m", PositionKind::conditional).proposition = PropositionId{"p-one"};
    b.stance("b3", "bbb", "t", "m", PositionKind::absent).proposition = PropositionId{"p-one"};
    b.stance("a4", "aaa", "t", "m", PositionKind::no_position).proposition = PropositionId{"p-silent"};
    auto store = b.store();
    const Comparison result = compare(*store, ActorId{"aaa"}, ActorId{"bbb"});
    REQUIRE(result.rows.size() == 4);
    CHECK(row_for(result, "p-agree")->agreement == Agreement::agree);     // concern and oppose: both negative
    CHECK(row_for(result, "p-diverge")->agreement == Agreement::diverge); // support against neutral
    CHECK(row_for(result, "p-one")->agreement == Agreement::only_first);  // an absence is not a position
    CHECK(row_for(result, "p-silent")->agreement == Agreement::neither);
    CHECK(result.count(Agreement::agree) == 1);
    CHECK(result.count(Agreement::diverge) == 1);

    const boost::json::object json = boost::json::parse(to_json(result)).as_object();
    CHECK(json.at("summary").at("diverge").to_number<int>() == 1);
    CHECK(json.at("rows").at(0).at("first").at("stances").at(0).at("quote").as_string().size() > 0);
    CHECK_THROWS_AS((void)compare(*store, ActorId{"aaa"}, ActorId{"zzz"}), not_found_error);
}
