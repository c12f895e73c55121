// The write rules hold for every writer: the C++ API and the JSON importer refuse the same data,
// with a message naming the entity, and leave the database as it was.
#include <doctest/doctest.h>

#include "backends.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "support.hpp"

using namespace stance;

namespace {

// Two states, Lavrov speaking for Russia, a Russia topic with a proposition, an unrelated topic
// with another, a five-byte document and a one-day meeting.
Dataset base() {
    Dataset d;
    d.documents.push_back(Document{DocumentId{"doc"}, "", "en", std::nullopt, "", "", "", "Hello", ""});
    d.actors.push_back(Actor{ActorId{"nld"}, ActorKind::state, "Netherlands", "NL", "NLD", {}});
    d.actors.push_back(Actor{ActorId{"rus"}, ActorKind::state, "Russia", "RU", "RUS", {}});
    d.actors.push_back(Actor{ActorId{"lavrov"}, ActorKind::person, "Sergey Lavrov", "", "", {}});
    d.roles.push_back(Role{ActorId{"lavrov"}, ActorId{"rus"}, "Minister of Foreign Affairs", Date{2004, 3, 9}, {}});
    d.topics.push_back(Topic{TopicId{"russia"}, {}, "Russia", {}, std::nullopt, {}});
    d.topics.push_back(Topic{TopicId{"trade"}, {}, "Trade", {}, std::nullopt, {}});
    d.propositions.push_back(Proposition{PropositionId{"talk"}, TopicId{"russia"}, "Talk with Russia", {}});
    d.propositions.push_back(Proposition{PropositionId{"tariffs"}, TopicId{"trade"}, "Lower tariffs", {}});
    d.bodies.push_back(Body{BodyId{"nac"}, "North Atlantic Council", {}, std::nullopt});
    d.meetings.push_back(Meeting{MeetingId{"m"}, BodyId{"nac"}, "Ministerial", "", Date{2017, 3, 31}, "", {}, {}});
    return d;
}

Stance good() {
    Stance s;
    s.id = StanceId{"s"};
    s.actor = ActorId{"nld"};
    s.topic = TopicId{"russia"};
    s.proposition = PropositionId{"talk"};
    s.meeting = MeetingId{"m"};
    s.kind = PositionKind::support;
    s.score = 1.0;
    s.quote = "Hello";
    s.source = SourceSpan{DocumentId{"doc"}, 0, 5, std::nullopt};
    return s;
}

/// A connection to the new database `db`, with base() imported.
std::unique_ptr<Store> with_base(const test::ScratchDatabase& db) {
    auto store = db.open();
    store->import(base());
    return store;
}

/// The message of the refusal of `stance` through the C++ API by a store holding base() and no
/// stance, after which it still holds none.
std::string refusal(Store& store, const Stance& stance) {
    auto session = store.begin_import();
    std::string message;
    try {
        session->put(stance);
    } catch (const invalid_input_error& failure) {
        message = failure.what();
    }
    session->commit(); // a refused put wrote nothing, so the session may still commit
    CHECK(store.stances().empty());
    return message;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

STORE_TEST_CASE("the C++ API refuses a bad id, score, confidence and span, and stores none of it") {
    auto db = backend.create();
    auto store = with_base(db);
    Stance bad_id = good();
    bad_id.id = StanceId{"BAD ID with spaces"};
    CHECK(has(refusal(*store, bad_id), "stance \"BAD ID with spaces\": id \"BAD ID with spaces\" is not a valid id"));
    Stance score = good();
    score.score = 7;
    CHECK(has(refusal(*store, score), "stance \"s\": score 7 is outside [-1, 1]"));
    Stance confidence = good();
    confidence.confidence = -3;
    CHECK(has(refusal(*store, confidence), "stance \"s\": confidence -3 is outside [0, 1]"));
    Stance span = good();
    span.quote.clear();
    span.source = SourceSpan{DocumentId{"doc"}, 100, 5, std::nullopt};
    CHECK(has(refusal(*store, span), "source span [100, 5) ends before it starts"));
    span.source = SourceSpan{DocumentId{"doc"}, 1, 100, std::nullopt};
    CHECK(has(refusal(*store, span), "stance \"s\": source end: 100 is past the end of document \"doc\" (5 bytes)"));
    Stance nan = good();
    nan.score = std::numeric_limits<double>::quiet_NaN();
    CHECK(has(refusal(*store, nan), "score nan is outside [-1, 1]"));
}

STORE_TEST_CASE(
    "the C++ API refuses what the docs forbid: kind against score, quotes without a source, claims elsewhere") {
    auto db = backend.create();
    auto store = with_base(db);
    Stance contradictory = good();
    contradictory.kind = PositionKind::oppose;
    contradictory.score = 1.0;
    CHECK(has(refusal(*store, contradictory),
              "position oppose with score +1 is contradictory: oppose allows scores in [-1, 0]"));
    Stance unsourced = good();
    unsourced.quote = "Russia is bad, said no one in this speech.";
    unsourced.source.reset();
    CHECK(has(refusal(*store, unsourced), "has a quote but no source span"));
    Stance misquoted = good();
    misquoted.quote = "Hallo";
    CHECK(has(refusal(*store, misquoted), "stance \"s\": source start: "));
    Stance elsewhere = good();
    elsewhere.proposition = PropositionId{"tariffs"};
    CHECK(has(refusal(*store, elsewhere),
              "proposition \"tariffs\" belongs to topic \"trade\", which is neither the stance's "
              "topic \"russia\" nor below it"));
    Stance voiced = good();
    voiced.speaker = ActorId{"lavrov"};
    CHECK(has(refusal(*store, voiced), "speaker \"lavrov\" held no role representing \"nld\" on 2017-03-31"));
    Stance early = good();
    early.stated_on = Date{2017, 3, 30};
    CHECK(has(refusal(*store, early), "was stated on 2017-03-30, outside its meeting \"m\" (2017-03-31..2017-03-31)"));
}

STORE_TEST_CASE("a child meeting outside its parent's days is refused; an end date makes room") {
    auto db = backend.create();
    auto store = with_base(db);
    Meeting lunch{MeetingId{"lunch"}, BodyId{"nac"}, "Working lunch", "", Date{2017, 3, 30}, "", MeetingId{"m"}, {}};
    {
        auto session = store->begin_import();
        CHECK_THROWS_WITH_AS(session->put(lunch),
                             doctest::Contains("meeting \"lunch\": runs 2017-03-30..2017-03-30, outside its parent "
                                               "meeting \"m\" (2017-03-31..2017-03-31)"),
                             invalid_input_error);
    }
    CHECK(store->meetings().size() == 1);
    Meeting parent = base().meetings[0];
    parent.date = Date{2017, 3, 30};
    parent.end_date = Date{2017, 3, 31};
    auto session = store->begin_import();
    session->put(parent);
    session->put(lunch);
    session->commit();
    CHECK(store->meetings().size() == 2);
}

// The rules' look-ups are cached within a session (cached_written.hpp); a put drops what it may change.
STORE_TEST_CASE("within one session the rules see what its earlier puts changed") {
    auto db = backend.create();
    auto store = with_base(db);
    auto session = store->begin_import();
    Meeting lunch{MeetingId{"lunch"}, BodyId{"nac"}, "Working lunch", "", Date{2017, 3, 30}, "", MeetingId{"m"}, {}};
    CHECK_THROWS_AS(session->put(lunch), invalid_input_error); // "m" is looked up: one day, the 31st
    Meeting parent = base().meetings[0];
    parent.date = Date{2017, 3, 30};
    parent.end_date = Date{2017, 3, 31};
    session->put(parent);
    session->put(lunch); // the 30th is inside "m" now

    Stance later = good();
    later.quote = "world";
    later.source = SourceSpan{DocumentId{"doc"}, 6, 11, std::nullopt};
    CHECK_THROWS_AS(session->put(later), invalid_input_error); // "doc" is looked up: five bytes
    Document longer = base().documents[0];
    longer.text = "Hello world";
    session->put(longer);
    session->put(later);
    session->commit();
    CHECK(store->meetings().size() == 2);
    CHECK(store->stance(StanceId{"s"})->quote == "world");
}

STORE_TEST_CASE("the JSON importer refuses the same data through the same rules, naming file and stance") {
    test::TempDir dir;
    const std::string text = R"({"stance_dataset": 1,
 "documents": [{"id": "doc", "text": "Hello"}],
 "actors": [{"id": "nld", "kind": "state", "name": "Netherlands"}],
 "topics": [{"id": "russia", "label": "Russia"}],
 "bodies": [{"id": "nac", "name": "North Atlantic Council"}],
 "meetings": [{"id": "m", "body": "nac", "date": "2017-03-31"}],
 "stances": [{"id": "s", "actor": "nld", "topic": "russia", "meeting": "m", "position": "oppose", "score": 1}]})";
    test::write_text(dir / "contradictory.json", text);
    auto db = backend.create();
    auto store = db.open();
    try {
        import_dataset_file(*store, dir / "contradictory.json");
        FAIL("a contradictory stance must be refused");
    } catch (const invalid_input_error& failure) {
        CHECK(has(failure.what(), "contradictory.json"));
        CHECK(has(failure.what(), "stance \"s\": position oppose with score +1 is contradictory"));
    }
    CHECK(store->stances().empty());
    CHECK(store->actors().empty());
}
