// Suggesting candidate stances from a document's text, for an analyst to review: which sentences
// report a position, whose, on what, which way. Suggestions are proposals with a confidence and the
// cues that fired, never facts: nothing here writes to a store. See docs/suggest.md for the method,
// the lexicons in data/lexicons/ and the figures measured on the seed report.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "stance/model/dataset.hpp"

namespace stance {

class Store;

/// What a cue says about a sentence.
enum class CueType : unsigned char {
    report,       ///< A reporting verb: someone said or held something ("benadrukte", "stressed").
    stance,       ///< Words that carry a position ("steunt", "we condemn"); `polarity` says which way.
    breadth,      ///< How many members of a group ("veel", "all").
    first_person, ///< "we", "ik": the speaker or author.
    pronoun,      ///< "hij", "he": the person last named.
    impersonal,   ///< Reporting with no reporter ("werd benadrukt", "it was agreed"): the last reported goes on.
    members,      ///< After an organisation's name, its members ("NAVO-ministers"): the members' group.
};

struct Cue {
    CueType type = CueType::stance;
    std::string phrase;
    std::string language;
    PositionKind polarity = PositionKind::support; ///< For stance cues.
    Breadth breadth = Breadth::single;             ///< For breadth cues.
    double weight = 0.0;                           ///< 0..1, how strongly the cue signals a position.
};

/// A word that names a state without being its name ("Amerikaanse", "Dutch", "Moscow").
struct ActorWord {
    std::string phrase;
    std::string language;
    ActorId actor;
};

/// The cue lexicons and actor words (data/lexicons/: cues.<lang>.tsv and actor-words.tsv).
struct Lexicon {
    std::vector<Cue> cues;
    std::vector<ActorWord> actor_words;
};

/// Reads every `cues.*.tsv` and `actor-words.tsv` in `directory`. Throws invalid_input_error naming
/// the file and line of a malformed row.
[[nodiscard]] Lexicon load_lexicon(const std::filesystem::path& directory);

/// SHA-256 over the lexicon files load_lexicon reads in `directory`, in name order: which lexicons
/// a stored run of suggestions used (Suggestion::lexicon_sha256).
[[nodiscard]] std::string lexicon_sha256(const std::filesystem::path& directory);

/// A sentence as a byte span of the text, white space at both ends excluded.
struct SentenceSpan {
    std::size_t start = 0;
    std::size_t end = 0;
    bool starts_paragraph = false; ///< A blank line (or the start of the text) comes before it.
};

/// Splits `text` into sentences with ICU's sentence BreakIterator for `language` (BCP 47). Hard line
/// breaks inside a paragraph do not end a sentence (reports wrap their lines); a blank line does.
[[nodiscard]] std::vector<SentenceSpan> split_sentences(std::string_view text, const std::string& language);

/// A cue found in a sentence: which and where (bytes of the document).
struct CueHit {
    Cue cue;
    std::size_t start = 0;
    std::size_t end = 0;
};

/// How the candidate's actor was found.
enum class ActorEvidence : unsigned char {
    named,        ///< The sentence names it (name, alias, adjective, demonym, a person's name or "hij").
    first_person, ///< "we"/"ik" in the text of the speaker or author given as an option.
    carried,      ///< Named by an earlier sentence of the paragraph that reported a position; this one goes on.
    author,       ///< An unattributed evaluation ("is van belang") in the author's own text.
};

[[nodiscard]] std::string_view to_string(ActorEvidence evidence) noexcept;

struct Candidate {
    SourceSpan span;                ///< The sentence: exact bytes of the document.
    std::string sentence;           ///< Its text.
    ActorId actor;                  ///< Who holds the position (a person is resolved to whom they speak for).
    std::optional<ActorId> speaker; ///< The person, when a person was named.
    ActorEvidence evidence = ActorEvidence::named;
    std::optional<TopicId> topic;             ///< Guessed from labels and aliases; none when nothing fits.
    std::optional<PropositionId> proposition; ///< Guessed likewise, under the topic.
    PositionKind kind = PositionKind::support;
    Breadth breadth = Breadth::single;
    /// `statement` for the speaker's or author's own words (or when neither is known), `reported`
    /// for another actor's position in their text.
    Basis basis = Basis::statement;
    std::optional<ActorId> reported_by; ///< The speaker or author, for a reported position.
    double confidence = 0.0;            ///< In (0, 1): always below 1, it is a guess.
    std::vector<CueHit> cues;
};

struct SuggestOptions {
    /// Whose "we"/"ik" the text speaks, and whose unattributed evaluations a report holds (the
    /// speaker's state in a speech, the minister's state in a minister's report).
    std::optional<ActorId> speaker_actor;
    /// Candidates scoring below this are left out.
    double min_confidence = 0.0;
};

/// What suggest_stances recognises, read from a store: its actors, roles, topics and propositions.
[[nodiscard]] Dataset known_entities(const Store& store);

/// Proposes candidate stances for `document` (its `text` and `language` are used). `known` supplies
/// the actors (with their names and aliases), roles, topics and propositions to recognise, from a
/// store or a dataset; its stances are not used.
[[nodiscard]] std::vector<Candidate> suggest_stances(const Document& document, const Dataset& known,
                                                     const Lexicon& lexicon, const SuggestOptions& options = {});

/// The candidates as a dataset fragment of stances to review: ids "suggested-<n>-<actor>", coder
/// "stance suggest", the confidence of each, the note listing the cues. A stance needs a meeting and
/// a topic: `meeting` is used for all; a candidate without a guessed topic gets `fallback_topic`.
[[nodiscard]] Dataset candidates_as_dataset(const std::vector<Candidate>& candidates, const MeetingId& meeting,
                                            const TopicId& fallback_topic);

/// How suggestions compare with a coding of the same document.
struct SuggestEvaluation {
    std::size_t coded = 0;              ///< Coded stances with a span in the document.
    std::size_t coded_found = 0;        ///< Of those, proposed: an overlapping candidate with the right actor.
    std::size_t proposals = 0;          ///< Candidates.
    std::size_t proposals_matching = 0; ///< Candidates that overlap a coded stance with the right actor.
    std::vector<StanceId> missed;       ///< Coded stances no candidate found.
    [[nodiscard]] double recall() const {
        return coded == 0 ? 0.0 : static_cast<double>(coded_found) / static_cast<double>(coded);
    }
    [[nodiscard]] double precision() const {
        return proposals == 0 ? 0.0 : static_cast<double>(proposals_matching) / static_cast<double>(proposals);
    }
};

/// Compares `candidates` with the stances of `coding` that point into `document`. A candidate has
/// the right actor for a stance when it is the stance's actor or one of the members it names
/// (`includes`); a person named as the stance's speaker counts through the state they speak for.
[[nodiscard]] SuggestEvaluation evaluate_suggestions(const std::vector<Candidate>& candidates, const Dataset& coding,
                                                     const DocumentId& document);

} // namespace stance
