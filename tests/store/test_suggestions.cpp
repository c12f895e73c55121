// Stored suggestions: kept apart from stances, reviewed one by one, each decision in the history.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "backends.hpp"
#include "stance/coding/review.hpp"
#include "stance/coding/suggestion_json.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "store/suggestion_json.hpp"
#include "support.hpp"

using namespace stance;

namespace {

const DocumentId letter{"nl-mfa-letter-nac-fm-2017-03-31"};

struct Fixture {
    test::ScratchDatabase db;
    std::unique_ptr<Store> store;
    std::vector<Suggestion> proposed;

    explicit Fixture(const test::Backend& backend) : db(backend.create()), store(db.open()) {
        import_dataset_file(*store, test::source_dir() / "data/seed/nato-2017-03-31.json");
        const Dataset known = store->to_dataset();
        SuggestOptions options;
        options.speaker_actor = ActorId{"nld"};
        const Lexicon lexicon = load_lexicon(test::source_dir() / "data/lexicons");
        proposed = as_suggestions(suggest_stances(*store->document(letter), known, lexicon, options), letter, "sha");
    }

    /// The first stored suggestion with a recognised topic.
    Suggestion with_topic() const {
        for (const Suggestion& s : store->suggestions()) {
            if (s.topic && s.status == SuggestionStatus::open) {
                return s;
            }
        }
        FAIL("no suggestion with a topic");
        return {};
    }
};

ChangeNote by_reviewer() {
    ChangeNote note;
    note.by = "reviewer";
    return note;
}

} // namespace

STORE_TEST_CASE("stored suggestions are not stances: no read of stances counts them") {
    Fixture f{backend};
    REQUIRE(f.proposed.size() > 10);
    const std::size_t stances = f.store->stances().size();
    const StoredSuggestions stored = store_suggestions(*f.store, letter, f.proposed);
    CHECK(stored.stored == f.proposed.size());
    CHECK(f.store->suggestions().size() == f.proposed.size());
    CHECK(f.store->stances().size() == stances);
    HistoryFilter filter;
    filter.change_set = stored.change_set;
    const ChangeSet set = f.store->change_sets(filter).front();
    CHECK(set.action == "suggest");
    CHECK(set.changes.size() == f.proposed.size());
    CHECK_THROWS_AS(store_suggestions(*f.store, DocumentId{"not-stored"}, f.proposed), not_found_error);
}

STORE_TEST_CASE("accepting a suggestion writes a stance on its sentence, recorded with the suggestion it came from") {
    Fixture f{backend};
    store_suggestions(*f.store, letter, f.proposed);
    const Suggestion chosen = f.with_topic();
    // The letter's stances are on several meetings (sessions of the ministerial, earlier summits).
    CHECK(test::message_of([&] {
              accept_suggestion(*f.store, chosen.id, {});
          }).find("are on 6 meetings, so which meeting this one is on is not known; give --meeting") !=
          std::string::npos);
    SuggestionReview on_meeting;
    on_meeting.meeting = MeetingId{"nac-fm-2017-03-31"};
    const Stance stance = accept_suggestion(*f.store, chosen.id, on_meeting, by_reviewer());
    CHECK(stance.id.str() == fmt::format("{}-s{}", letter.str(), chosen.id));
    CHECK(stance.meeting.str() == "nac-fm-2017-03-31");
    CHECK(stance.coder == "reviewer");
    CHECK(stance.confidence == 1.0);
    const std::string text = f.store->document(letter)->text;
    CHECK(stance.quote == text.substr(chosen.start, chosen.end - chosen.start));
    CHECK(*f.store->stance(stance.id) == stance);

    SuggestionFilter one;
    one.id = chosen.id;
    const Suggestion reviewed = f.store->suggestions(one).front();
    CHECK(reviewed.status == SuggestionStatus::accepted);
    CHECK(reviewed.stance == stance.id);
    CHECK(reviewed.reviewer == "reviewer");

    HistoryFilter latest;
    latest.limit = 1;
    const ChangeSet set = f.store->change_sets(latest).front();
    CHECK(set.by == "reviewer");
    CHECK(set.summary == fmt::format("suggestion {} accepted as stance \"{}\"", chosen.id, stance.id.str()));
    REQUIRE(set.changes.size() == 2);
    CHECK(set.changes[0].key == RecordKey{RecordKind::stance, stance.id.str()});
    CHECK(set.changes[1].key == RecordKey{RecordKind::suggestion, std::to_string(chosen.id)});

    CHECK(test::message_of([&] {
              accept_suggestion(*f.store, chosen.id, on_meeting);
          }).find("was already accepted by reviewer") != std::string::npos);
    CHECK_THROWS_AS(accept_suggestion(*f.store, 99999, {}), not_found_error);

    // Undone, the stance goes and the suggestion is open again.
    undo_change_set(*f.store, set.id);
    CHECK_FALSE(f.store->stance(stance.id).has_value());
    CHECK(f.store->suggestions(one).front().status == SuggestionStatus::open);
}

STORE_TEST_CASE("accepting with changes is recorded as edited; a quote is found inside the sentence") {
    Fixture f{backend};
    store_suggestions(*f.store, letter, f.proposed);
    const Suggestion chosen = f.with_topic();
    const std::string text = f.store->document(letter)->text;
    const std::string sentence = text.substr(chosen.start, chosen.end - chosen.start);
    SuggestionReview review;
    review.meeting = MeetingId{"nac-fm-2017-03-31"};
    review.kind = PositionKind::concern;
    review.quote = sentence.substr(0, sentence.find(' ', 20));
    const Stance stance = accept_suggestion(*f.store, chosen.id, review);
    CHECK(stance.kind == PositionKind::concern);
    CHECK(stance.source->start == chosen.start);
    CHECK(stance.quote == *review.quote);
    SuggestionFilter one;
    one.id = chosen.id;
    CHECK(f.store->suggestions(one).front().status == SuggestionStatus::edited);

    SuggestionReview bad;
    bad.meeting = review.meeting;
    bad.quote = "words not in that sentence at all";
    const Suggestion other = f.with_topic();
    CHECK_THROWS_AS(accept_suggestion(*f.store, other.id, bad), not_found_error);
    SuggestionReview no_meeting;
    no_meeting.meeting = MeetingId{"no-such-meeting"};
    CHECK_THROWS_AS(accept_suggestion(*f.store, other.id, no_meeting), invalid_input_error);
    CHECK(f.store->suggestions(one).size() == 1);
}

STORE_TEST_CASE("rejecting needs a reason; editing keeps a suggestion open; a new run keeps what was reviewed") {
    Fixture f{backend};
    store_suggestions(*f.store, letter, f.proposed);
    const std::vector<Suggestion> stored = f.store->suggestions();
    CHECK_THROWS_AS(reject_suggestion(*f.store, stored[0].id, ""), invalid_input_error);
    const Suggestion rejected = reject_suggestion(*f.store, stored[0].id, "a procedural sentence", by_reviewer());
    CHECK(rejected.status == SuggestionStatus::rejected);
    CHECK(rejected.reason == "a procedural sentence");

    SuggestionReview retopic;
    retopic.topic = TopicId{"russia"};
    const Suggestion edited = edit_suggestion(*f.store, stored[1].id, retopic);
    CHECK(edited.status == SuggestionStatus::open);
    CHECK(edited.topic == TopicId{"russia"});
    CHECK_THROWS_AS(edit_suggestion(*f.store, stored[1].id, retopic), invalid_input_error); // nothing changes

    const StoredSuggestions again = store_suggestions(*f.store, letter, f.proposed);
    CHECK(again.kept == 1);
    CHECK(again.replaced == stored.size() - 1);
    CHECK(again.stored == f.proposed.size() - 1);
    SuggestionFilter closed;
    closed.status = SuggestionStatus::rejected;
    CHECK(f.store->suggestions(closed).size() == 1);
}

TEST_CASE("a suggestion's JSON: null for a missing id in the library's form, \"\" in the history's, both read back") {
    Suggestion s;
    s.id = 7;
    s.document = letter;
    s.start = 10;
    s.end = 42;
    s.actor = ActorId{"nld"};
    s.topic = TopicId{"russia"};
    s.kind = PositionKind::concern;
    s.confidence = 0.5;
    s.cues = {"concern \"zorgen\""};
    s.created_at = "2026-01-01T00:00:00Z";
    const std::string shown = to_json(s);
    CHECK(
        shown.starts_with(R"({"id":7,"document":"nl-mfa-letter-nac-fm-2017-03-31","start":10,"end":42,)"
                          R"("actor":"nld","speaker":null,"topic":"russia","proposition":null,"position":"concern")"));
    CHECK(shown.find(R"("cues":["concern \"zorgen\""])") != std::string::npos);
    CHECK(shown.find(R"("status":"open","stance":null,"reviewer":"")") != std::string::npos);
    const std::string recorded = detail::suggestion_json(s);
    CHECK(recorded.find(R"("speaker":"","topic":"russia","proposition":"")") != std::string::npos);
    CHECK(detail::parse_suggestion_json(recorded) == s);
    // The history has always recorded a suggestion so; undo compares the records byte for byte.
    CHECK(recorded == R"({"id":7,"document":"nl-mfa-letter-nac-fm-2017-03-31","start":10,"end":42,"actor":"nld",)"
                      R"("speaker":"","topic":"russia","proposition":"","position":"concern","breadth":"single",)"
                      R"("basis":"statement","reported_by":"","confidence":0.5,"cues":["concern \"zorgen\""],)"
                      R"("lexicon_sha256":"","created_at":"2026-01-01T00:00:00Z","status":"open","stance":"",)"
                      R"("reviewer":"","reviewed_at":"","reason":""})");
    CHECK(test::message_of([] {
              (void)detail::parse_suggestion_json("{\"id\": 7");
          }).starts_with("recorded suggestion: cannot be read back: "));
    const std::string unknown_position = std::string(recorded).replace(recorded.find("concern"), 7, "worry");
    CHECK(test::message_of([&] {
              (void)detail::parse_suggestion_json(unknown_position);
          }).starts_with("recorded suggestion: $.position: \"worry\" is not one of support"));
}
