// `stance suggest` measured on the seed report against its shipped coding (docs/suggest.md): the
// share of coded stances whose sentence is proposed with the right actor must stay at or above 85 %.
#include <doctest/doctest.h>

#include "stance/coding/suggest.hpp"
#include "stance/io/dataset_json.hpp"
#include "support.hpp"

using namespace stance;

TEST_CASE("suggest finds at least 85 % of the seed coding's stances with the right actor") {
    const Dataset coding = read_dataset_file(test::source_dir() / "data/seed/nato-2017-03-31.json");
    const Lexicon lexicon = load_lexicon(test::source_dir() / "data/lexicons");
    SuggestOptions options;
    options.speaker_actor = ActorId{"nld"}; // the report is the Dutch minister's
    const Document& report = coding.documents.at(0);
    const std::vector<Candidate> candidates = suggest_stances(report, coding, lexicon, options);
    const SuggestEvaluation result = evaluate_suggestions(candidates, coding, report.id);
    MESSAGE("recall " << result.coded_found << "/" << result.coded << ", precision " << result.proposals_matching << "/"
                      << result.proposals);
    CHECK(result.coded == 46);
    CHECK(result.recall() >= 0.85);
    CHECK(result.precision() >= 0.5); // the figures in docs/suggest.md: 45/46 and 46/78
    for (const Candidate& candidate : candidates) {
        // Every proposal points at a whole sentence of the report, byte-exact.
        CHECK(candidate.sentence ==
              report.text.substr(candidate.span.start, candidate.span.end - candidate.span.start));
    }
}

TEST_CASE("without the author's state, suggest still finds most of the seed coding") {
    const Dataset coding = read_dataset_file(test::source_dir() / "data/seed/nato-2017-03-31.json");
    const Lexicon lexicon = load_lexicon(test::source_dir() / "data/lexicons");
    const Document& report = coding.documents.at(0);
    const SuggestEvaluation result = evaluate_suggestions(suggest_stances(report, coding, lexicon), coding, report.id);
    CHECK(result.recall() >= 0.85);
}
