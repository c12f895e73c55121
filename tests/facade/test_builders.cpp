// Building data in code (DatasetBuilder, designated initialisers), the entity formatters and the
// version header: what an embedding program uses beside the facade.
#include <doctest/doctest.h>

#include <regex>
#include <string>

#include <fmt/format.h>

#include "stance/database.hpp"
#include "stance/error.hpp"
#include "stance/fwd.hpp"
#include "stance/model/dataset_builder.hpp"
#include "stance/model/format.hpp"
#include "stance/version.hpp"

using namespace stance;

TEST_CASE("a document without a text is written by its stances, each quote a sentence with its exact span") {
    DatasetBuilder data;
    data.document("notes", "Notes", "en");
    const Stance first = data.stance("a", "nld", "russia", "m", PositionKind::oppose, "We condemn it.");
    const Stance second = data.stance("b", "nld", "russia", "m", PositionKind::support, "We support them.");
    const Dataset built = data.build();
    CHECK(built.documents.front().text == "We condemn it. We support them.");
    CHECK(first.source == SourceSpan{DocumentId{"notes"}, 0, 14, std::nullopt});
    CHECK(second.source == SourceSpan{DocumentId{"notes"}, 15, 31, std::nullopt});
    CHECK(first.score == default_score(PositionKind::oppose));
}

TEST_CASE("a document with its text is quoted: each quote is found in it, in order") {
    DatasetBuilder data;
    data.document("speech", "Speech", "en", "Peace now. War is wrong. Peace now.");
    CHECK(data.stance("a", "x", "t", "m", PositionKind::support, "Peace now.").source->start == 0);
    CHECK(data.stance("b", "x", "t", "m", PositionKind::oppose, "War is wrong.").source->start == 11);
    // The second "Peace now." is the one after the previous quote.
    CHECK(data.stance("c", "x", "t", "m", PositionKind::support, "Peace now.").source->start == 25);
    CHECK(data.dataset().documents.front().text == "Peace now. War is wrong. Peace now.");
    CHECK_THROWS_WITH_AS(data.stance("d", "x", "t", "m", PositionKind::support, "Never said."),
                         "DatasetBuilder::stance d: the quote is not in the text of document speech; copy it from "
                         "the text exactly",
                         invalid_input_error);
    DatasetBuilder empty;
    CHECK_THROWS_WITH_AS(empty.stance("e", "x", "t", "m", PositionKind::support, "Words."),
                         "DatasetBuilder::stance: no document added yet; add one first", invalid_input_error);
    CHECK_THROWS_AS(empty.scale({"en", "less"}, {"en", "more"}), invalid_input_error);
}

TEST_CASE("a dataset built in code imports through the facade, hashed and checked like a file") {
    DatasetBuilder data;
    data.actor("nld", ActorKind::state, "Netherlands", {{"nl", "Nederland"}}, "NL", "NLD")
        .topic("russia", "Russia", {}, {{"nl", "Rusland"}})
        .scale({"en", "engagement with Russia"}, {"en", "pressure on Russia"})
        .body("unga", "UN General Assembly")
        .meeting("gd", "unga", Date{2022, 9, 20}, "General debate")
        .document("speech", "Speech", "en");
    data.stance("s", "nld", "russia", "gd", PositionKind::support, "Russia must stop.");
    Database db = Database::open(":memory:");
    db.import(data.build(), "built in code");
    const std::optional<Stance> stored = db.find(StanceId{"s"});
    REQUIRE(stored);
    CHECK(stored->quote == "Russia must stop.");
    CHECK(db.store().document(DocumentId{"speech"})->sha256.size() == 64);
    CHECK(db.evolution("NL", "Rusland").scale == TopicId{"russia"});

    // Refused as a file would be: a stance on a meeting that does not exist, and nothing written.
    DatasetBuilder wrong;
    wrong.document("other", "Other", "en");
    wrong.stance("t", "nld", "russia", "no-such-meeting", PositionKind::support, "Words.");
    CHECK_THROWS_AS(db.import(wrong.build(), "wrong"), invalid_input_error);
    CHECK_FALSE(db.find(StanceId{"t"}));
    CHECK_FALSE(db.store().document(DocumentId{"other"}));
}

TEST_CASE("designated initialisers name only what they set, for every entity") {
    const Actor actor{.id = ActorId{"nld"}, .name = "Netherlands", .iso2 = "NL"};
    const Membership membership{.member = ActorId{"nld"}, .group = ActorId{"nato"}, .from = Date{1949, 8, 24}};
    const Role role{.person = ActorId{"rutte"}, .represents = ActorId{"nld"}, .title = "Prime Minister"};
    const Topic topic{.id = TopicId{"russia"}, .label = "Russia"};
    const Proposition proposition{.id = PropositionId{"p"}, .topic = TopicId{"russia"}, .statement = "Stop."};
    const Body body{.id = BodyId{"unga"}, .name = "UN General Assembly"};
    const Meeting meeting{.id = MeetingId{"gd"}, .body = BodyId{"unga"}, .title = "Debate", .date = Date{2022, 9, 20}};
    const AgendaItem item{.id = AgendaItemId{"i"}, .meeting = MeetingId{"gd"}, .order = 1, .title = "Item"};
    const Participant participant{.meeting = MeetingId{"gd"}, .actor = ActorId{"nld"}, .role = "delegation"};
    const Document document{.id = DocumentId{"d"}, .title = "Speech", .language = "en"};
    const SourceSpan span{.document = DocumentId{"d"}, .start = 3, .end = 9};
    const Stance stance{.id = StanceId{"s"},
                        .actor = ActorId{"nld"},
                        .topic = TopicId{"russia"},
                        .meeting = MeetingId{"gd"},
                        .kind = PositionKind::support,
                        .score = 1.0,
                        .quote = "Stop.",
                        .source = span};

    CHECK(fmt::format("{}", actor) == "Netherlands (nld, state)");
    CHECK(fmt::format("{}", membership) == "nld member of nato from 1949-08-24");
    CHECK(fmt::format("{}", role) == "rutte for nld as Prime Minister");
    CHECK(fmt::format("{}", topic) == "Russia (russia)");
    CHECK(fmt::format("{}", proposition) == "\"Stop.\" (p, on russia)");
    CHECK(fmt::format("{}", body) == "UN General Assembly (unga)");
    CHECK(fmt::format("{}", meeting) == "2022-09-20 Debate (gd)");
    CHECK(fmt::format("{}", item) == "1. Item (i)");
    CHECK(fmt::format("{}", participant) == "nld at gd (delegation)");
    CHECK(fmt::format("{}", document) == "Speech (d, en)");
    CHECK(fmt::format("{}", span) == "d [3, 9)");
    CHECK(fmt::format("{}", stance) == "s: nld support +1.00 on russia at gd: \"Stop.\" (d [3, 9))");
    CHECK(fmt::format("[{:<30}]", topic) == "[Russia (russia)               ]");
    CHECK(fmt::format("{}", Name{"nl", "Nederland"}) == "Nederland (nl)");
}

TEST_CASE("the version header gives the project's version") {
    CHECK(std::regex_match(std::string(version), std::regex{"[0-9]+\\.[0-9]+\\.[0-9]+"}));
    CHECK(version == fmt::format("{}.{}.{}", version_major, version_minor, version_patch));
    CHECK(version == STANCE_VERSION_STRING);
}
