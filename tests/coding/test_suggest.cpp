// The parts of `stance suggest`: sentence splitting, lexicon loading and its errors, actors found by
// every name, cues and breadth, the dataset fragment it writes.
#include <doctest/doctest.h>

#include <algorithm>

#include "stance/coding/suggest.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "support.hpp"

using namespace stance;

namespace {

const Lexicon lexicon = load_lexicon(test::source_dir() / "data/lexicons");

Dataset known_actors() {
    Dataset known;
    known.actors = {
        {ActorId{"nld"},
         ActorKind::state,
         "Netherlands",
         "NL",
         "NLD",
         {{"nl", "Nederland"}, {"en", "the Netherlands"}}},
        {ActorId{"usa"}, ActorKind::state, "United States", "US", "USA", {{"en", "US"}, {"nl", "Verenigde Staten"}}},
        {ActorId{"rus"}, ActorKind::state, "Russia", "RU", "RUS", {{"nl", "Rusland"}}},
        {ActorId{"ukr"}, ActorKind::state, "Ukraine", "UA", "UKR", {{"nl", "Oekraïne"}}},
        {ActorId{"nato"}, ActorKind::organisation, "NATO", "", "", {{"nl", "NAVO"}}},
        {ActorId{"nato-allies"}, ActorKind::group, "NATO Allies", "", "", {{"nl", "Bondgenoten"}}},
        {ActorId{"blinken"}, ActorKind::person, "Antony Blinken", "", "", {}},
    };
    known.roles = {{ActorId{"blinken"}, ActorId{"usa"}, "Secretary of State", Date::parse("2021-01-26"), {}}};
    Topic ukraine;
    ukraine.id = TopicId{"ukraine"};
    ukraine.label = "Ukraine";
    ukraine.aliases = {{"nl", "Oekraïne"}};
    Topic sanctions;
    sanctions.id = TopicId{"sanctions"};
    sanctions.parents = {ukraine.id};
    sanctions.label = "Sanctions against Russia";
    sanctions.aliases = {{"nl", "sancties"}};
    known.topics = {ukraine, sanctions};
    return known;
}

std::vector<Candidate> suggest(const std::string& text, const std::string& language,
                               const SuggestOptions& options = {}) {
    Document document;
    document.id = DocumentId{"doc"};
    document.language = language;
    document.text = text;
    document.date = Date::parse("2023-05-01");
    return suggest_stances(document, known_actors(), lexicon, options);
}

std::vector<std::string> actors_of(const std::vector<Candidate>& candidates) {
    std::vector<std::string> out;
    out.reserve(candidates.size());
    for (const Candidate& c : candidates) {
        out.push_back(c.actor.str());
    }
    return out;
}

bool has_cue(const Candidate& candidate, std::string_view phrase) {
    return std::any_of(candidate.cues.begin(), candidate.cues.end(),
                       [&](const CueHit& hit) { return hit.cue.phrase == phrase; });
}

} // namespace

TEST_CASE("sentences: ICU splits sentences; wrapped lines do not end one, blank lines do") {
    const std::string text = "Nederland heeft onderstreept dat de dialoog met\nRusland belangrijk is. Dat is 31 maart "
                             "jl. besproken.\n\nKop\n\nDe laatste zin.";
    const std::vector<SentenceSpan> sentences = split_sentences(text, "nl");
    REQUIRE(sentences.size() == 4);
    CHECK(text.substr(sentences[0].start, sentences[0].end - sentences[0].start) ==
          "Nederland heeft onderstreept dat de dialoog met\nRusland belangrijk is.");
    CHECK(text.substr(sentences[1].start, sentences[1].end - sentences[1].start) == "Dat is 31 maart jl. besproken.");
    CHECK(sentences[0].starts_paragraph);
    CHECK_FALSE(sentences[1].starts_paragraph);
    CHECK(text.substr(sentences[2].start, sentences[2].end - sentences[2].start) == "Kop");
    CHECK(sentences[2].starts_paragraph);
    CHECK(sentences[3].starts_paragraph);
}

TEST_CASE("lexicon: the shipped lexicons load, in Dutch and English, with every cue type") {
    auto count = [](std::string_view language, CueType type) {
        return std::count_if(lexicon.cues.begin(), lexicon.cues.end(),
                             [&](const Cue& cue) { return cue.language == language && cue.type == type; });
    };
    for (std::string_view language : {"nl", "en"}) {
        CHECK(count(language, CueType::report) > 20);
        CHECK(count(language, CueType::stance) > 40);
        CHECK(count(language, CueType::breadth) > 5);
        CHECK(count(language, CueType::first_person) > 2);
    }
    CHECK(lexicon.actor_words.size() > 100);
}

TEST_CASE("lexicon: a malformed row names the file and line") {
    test::TempDir dir;
    test::write_text(dir / "cues.xx.tsv", "# comment\ntype\tphrase\tvalue\tweight\nstance\tsteunt\tsupport\t0.9\n"
                                          "stance\tveroordeelt\tagainst\t0.9\n");
    CHECK_THROWS_WITH_AS((void)load_lexicon(dir.path()),
                         doctest::Contains("cues.xx.tsv:4: polarity \"against\" is not a position"),
                         invalid_input_error);
    test::write_text(dir / "cues.xx.tsv", "type\tphrase\tvalue\tweight\nreport\tzei\t-\n");
    CHECK_THROWS_WITH_AS((void)load_lexicon(dir.path()), doctest::Contains("cues.xx.tsv:2: 3 tab-separated fields"),
                         invalid_input_error);
    test::write_text(dir / "cues.xx.tsv", "type\tphrase\tvalue\tweight\nreport\tzei\t-\t2\n");
    CHECK_THROWS_WITH_AS((void)load_lexicon(dir.path()), doctest::Contains("weight \"2\" is not a number from 0 to 1"),
                         invalid_input_error);
    CHECK_THROWS_AS((void)load_lexicon(dir / "missing"), invalid_input_error);
}

TEST_CASE("actors: names, aliases, adjectives and demonyms in any language") {
    CHECK(actors_of(suggest("De Amerikaanse regering steunt het voorstel.", "nl")) == std::vector<std::string>{"usa"});
    CHECK(actors_of(suggest("The Dutch government strongly condemns the attack.", "en")) ==
          std::vector<std::string>{"nld"});
    CHECK(actors_of(suggest("De Russische delegatie verwierp de resolutie.", "nl")) == std::vector<std::string>{"rus"});
    CHECK(actors_of(suggest("The Netherlands welcomes the agreement.", "en")) == std::vector<std::string>{"nld"});
}

TEST_CASE("actors: a person speaks for their state; \"hij\" is the person last named") {
    const auto candidates = suggest("Minister Blinken sprak in Brussel. Hij benadrukte dat de steun blijft.", "nl");
    REQUIRE(candidates.size() == 1);
    CHECK(candidates[0].actor == ActorId{"usa"});
    CHECK(candidates[0].speaker == ActorId{"blinken"});
    CHECK(has_cue(candidates[0], "benadrukte"));
}

TEST_CASE("actors: \"we\" is the speaker's state; \"US\" in capitals is the United States, not \"us\"") {
    SuggestOptions options;
    options.speaker_actor = ActorId{"nld"};
    const auto ours = suggest("We condemn this war. Let us stand with Ukraine.", "en", options);
    REQUIRE(!ours.empty());
    CHECK(ours[0].actor == ActorId{"nld"});
    CHECK(ours[0].evidence == ActorEvidence::first_person);
    CHECK(ours[0].kind == PositionKind::oppose);
    const auto theirs = suggest("The US supports the plan.", "en", options);
    CHECK(actors_of(theirs) == std::vector<std::string>{"usa", "nld"}); // named, and the author's evaluation
    CHECK(theirs[0].evidence == ActorEvidence::named);
    CHECK(theirs[0].basis == Basis::reported); // the Dutch speaker reports the US position
    CHECK(theirs[0].reported_by == ActorId{"nld"});
    CHECK(ours[0].basis == Basis::statement);
}

TEST_CASE("actors: a state after a preposition is what the sentence is about, unless a reporting phrase names it") {
    CHECK(actors_of(suggest("Bondgenoten spraken steun uit aan Oekraïne.", "nl")) ==
          std::vector<std::string>{"nato-allies"});
    CHECK(actors_of(suggest("In de optiek van Nederland moet de dialoog doorgaan.", "nl")) ==
          std::vector<std::string>{"nld"});
}

TEST_CASE("breadth: groups get the breadth their cue says; an organisation with members means its members") {
    const auto many = suggest("Veel Bondgenoten toonden zich bezorgd over Rusland.", "nl");
    REQUIRE(many.size() == 1);
    CHECK(many[0].actor == ActorId{"nato-allies"});
    CHECK(many[0].breadth == Breadth::many);
    CHECK(many[0].kind == PositionKind::concern);
    const auto members = suggest("De NAVO-ministers steunden het plan.", "nl");
    REQUIRE(members.size() == 1);
    CHECK(members[0].actor == ActorId{"nato-allies"});
    CHECK(members[0].breadth == Breadth::all);
    const auto broad = suggest("Binnen de NAVO was er brede steun voor het plan.", "nl");
    REQUIRE(!broad.empty());
    CHECK(broad[0].actor == ActorId{"nato-allies"});
    CHECK(broad[0].breadth == Breadth::broad);
}

TEST_CASE("discourse: a sentence without a reporter goes on with the last report; a heading ends it") {
    const auto candidates =
        suggest("Bondgenoten spraken steun uit voor het plan. Daarbij werd benadrukt dat hulp nodig is.\n\nRusland\n\n"
                "Daarbij werd benadrukt dat dialoog nodig is.",
                "nl");
    REQUIRE(candidates.size() == 2);
    CHECK(candidates[1].actor == ActorId{"nato-allies"});
    CHECK(candidates[1].evidence == ActorEvidence::carried);
    CHECK(candidates[1].confidence < candidates[0].confidence);
}

TEST_CASE("claims: the topic is guessed from labels and aliases after folding") {
    const auto candidates = suggest("Nederland steunt nieuwe SANCTIES.", "nl");
    REQUIRE(candidates.size() == 1);
    CHECK(candidates[0].topic == TopicId{"sanctions"});
    const auto none = suggest("Nederland steunt het voorstel.", "nl");
    REQUIRE(none.size() == 1);
    CHECK(!none[0].topic);
}

TEST_CASE("a sentence without any cue is not proposed; every confidence is below 1") {
    CHECK(suggest("Nederland en Rusland liggen in Europa.", "nl").empty());
    for (const Candidate& c : suggest("Nederland veroordeelt dit ten stelligste en roept op tot vrede.", "nl")) {
        CHECK(c.confidence > 0.0);
        CHECK(c.confidence < 1.0);
    }
}

TEST_CASE("the dataset fragment holds reviewable stances that point at their sentences") {
    const std::string text = "Nederland steunt nieuwe sancties.";
    const auto candidates = suggest(text, "nl");
    const Dataset fragment = candidates_as_dataset(candidates, MeetingId{"to-review"}, TopicId{"to-review"});
    REQUIRE(fragment.stances.size() == 1);
    const Stance& stance = fragment.stances[0];
    CHECK(stance.id == StanceId{"suggested-1-nld"});
    CHECK(stance.coder == "stance suggest");
    CHECK(stance.confidence < 1.0);
    CHECK(stance.quote == text);
    CHECK(stance.source->start == 0);
    CHECK(stance.source->end == text.size());
    CHECK(stance.note.find("\"steunt\"") != std::string::npos);
    CHECK(stance.basis == Basis::statement); // no speaker or author given: the actor's own words
    // It is a dataset: written, it reads back the same.
    CHECK(parse_dataset(write_dataset(fragment), "fragment.json", ".") == fragment);
}
