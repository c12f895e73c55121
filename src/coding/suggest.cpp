// Proposing candidate stances sentence by sentence (see suggest.hpp and docs/suggest.md). A sentence
// is proposed when a cue fires in it; its candidates are the actors it names as holders, the actor
// an earlier sentence of the paragraph reported (when this one reports nothing of its own), and the
// author for an unattributed evaluation. Scoring is a sum of evidence, documented in docs/suggest.md.
#include <algorithm>
#include <cmath>
#include <set>

#include "coding/actor_names.hpp"
#include "coding/claim_guess.hpp"
#include "coding/words.hpp"
#include "stance/coding/suggest.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

using detail::ActorMention;
using detail::ActorRef;
using detail::PhraseIndex;
using detail::Word;

/// Words after which a named state is the object of the sentence, not who holds the position
/// ("de rol van Rusland", "steun aan Oekraïne", "against Russia"); an article may stand between.
const std::set<std::string, std::less<>> object_prepositions{
    "van", "aan", "tegen",   "over",  "met",  "op", "voor", "in",   "bij", "uit",  "naar", "richting", "tot",
    "of",  "to",  "against", "about", "with", "on", "for",  "from", "in",  "into", "at",   "towards",  "toward"};
const std::set<std::string, std::less<>> articles{"de", "het", "een", "the", "a", "an", "zijn", "haar", "its"};

/// True when the actor named at word `at` is the object of the sentence: a preposition (and maybe an
/// article) comes before it, and that preposition does not end a reporting phrase ("in de optiek van
/// Nederland", "according to the Netherlands" name who holds the position).
bool is_object(const std::vector<Word>& words, std::size_t at, const std::vector<CueHit>& reports) {
    std::size_t i = at;
    if (i > 0 && articles.contains(words[i - 1].folded)) {
        --i;
    }
    if (i == 0 || !object_prepositions.contains(words[i - 1].folded)) {
        return false;
    }
    const std::size_t preposition_end = words[i - 1].end;
    return std::none_of(reports.begin(), reports.end(), [&](const CueHit& hit) { return hit.end == preposition_end; });
}

/// The lexicon's cues of one type, indexed by their words, for the document's language.
struct CueIndexes {
    PhraseIndex<const Cue*> report;
    PhraseIndex<const Cue*> stance;
    PhraseIndex<const Cue*> breadth;
    PhraseIndex<const Cue*> first_person;
    PhraseIndex<const Cue*> pronoun;
    PhraseIndex<const Cue*> impersonal;
    PhraseIndex<const Cue*> members;

    CueIndexes(const Lexicon& lexicon, const std::string& language) {
        const std::string primary = language.substr(0, language.find('-'));
        const bool any = primary.empty() || std::none_of(lexicon.cues.begin(), lexicon.cues.end(),
                                                         [&](const Cue& cue) { return cue.language == primary; });
        for (const Cue& cue : lexicon.cues) {
            if (any || cue.language == primary) {
                of(cue.type).add(cue.phrase, &cue);
            }
        }
    }

    PhraseIndex<const Cue*>& of(CueType type) {
        switch (type) {
        case CueType::report: return report;
        case CueType::stance: return stance;
        case CueType::breadth: return breadth;
        case CueType::first_person: return first_person;
        case CueType::pronoun: return pronoun;
        case CueType::impersonal: return impersonal;
        case CueType::members: return members;
        }
        return stance;
    }
};

std::vector<CueHit> hits_of(const PhraseIndex<const Cue*>& index, const std::vector<Word>& words) {
    std::vector<CueHit> hits;
    for (const auto& [at, entry] : index.scan(words)) {
        hits.push_back({*entry->value, words[at].start, words[at + entry->words.size() - 1].end});
    }
    return hits;
}

/// "we" or "I" as a pronoun, not "US" (the United States) written in capitals.
std::vector<CueHit> first_person_hits(const PhraseIndex<const Cue*>& index, const std::vector<Word>& words) {
    std::vector<CueHit> hits;
    for (const auto& [at, entry] : index.scan(words)) {
        if (!detail::is_acronym(words[at].raw)) {
            hits.push_back({*entry->value, words[at].start, words[at + entry->words.size() - 1].end});
        }
    }
    return hits;
}

double strongest(const std::vector<CueHit>& hits) {
    double best = 0.0;
    for (const CueHit& hit : hits) {
        best = std::max(best, hit.cue.weight);
    }
    return best;
}

struct Holder {
    ActorRef ref;
    ActorEvidence evidence = ActorEvidence::named;
};

void add_holder(std::vector<Holder>& holders, const ActorRef& ref, ActorEvidence evidence) {
    const bool known = std::any_of(holders.begin(), holders.end(),
                                   [&](const Holder& holder) { return holder.ref.actor == ref.actor; });
    if (!known) {
        holders.push_back({ref, evidence});
    }
}

double evidence_weight(ActorEvidence evidence) {
    switch (evidence) {
    case ActorEvidence::named:
    case ActorEvidence::first_person: return 0.2;
    case ActorEvidence::carried:
    case ActorEvidence::author: return 0.05;
    }
    return 0.0;
}

/// What one sentence shows: its cues and the actors it names.
struct SentenceEvidence {
    std::vector<CueHit> reports;
    std::vector<CueHit> stances;
    std::vector<CueHit> breadths;
    std::vector<CueHit> first_person;
    std::vector<CueHit> pronouns;
    std::vector<CueHit> impersonal;
    std::vector<ActorMention> mentions;
};

/// Reads documents sentence by sentence, keeping what discourse carries from one sentence to the next.
class Suggester {
public:
    Suggester(const Document& document, const Dataset& known, const Lexicon& lexicon, const SuggestOptions& options)
        : m_document(document), m_options(options), m_cues(lexicon, document.language),
          m_names(known, lexicon, document.date), m_claims(known) {}

    std::vector<Candidate> run() {
        std::vector<Candidate> out;
        const std::vector<SentenceSpan> sentences = split_sentences(m_document.text, m_document.language);
        for (std::size_t i = 0; i < sentences.size(); ++i) {
            const bool alone =
                sentences[i].starts_paragraph && (i + 1 == sentences.size() || sentences[i + 1].starts_paragraph);
            if (alone && is_heading(sentences[i])) {
                m_reported.clear(); // a new section: what was reported before does not go on
            }
            suggest_for(sentences[i], out);
        }
        return out;
    }

private:
    /// The speaker or author given as an option; an id the known actors lack is taken as a state.
    std::optional<ActorRef> speaker_ref() const {
        if (!m_options.speaker_actor) {
            return std::nullopt;
        }
        return m_names.ref(*m_options.speaker_actor).value_or(ActorRef{*m_options.speaker_actor, std::nullopt});
    }

    /// A paragraph of one line without closing punctuation: a section heading ("Rusland").
    bool is_heading(const SentenceSpan& sentence) const {
        const std::string_view text =
            std::string_view(m_document.text).substr(sentence.start, sentence.end - sentence.start);
        return text.find('\n') == std::string_view::npos && !text.empty() &&
               std::string_view(".!?:;").find(text.back()) == std::string_view::npos;
    }

    SentenceEvidence evidence_of(const std::vector<Word>& words) const {
        SentenceEvidence e;
        e.reports = hits_of(m_cues.report, words);
        e.stances = hits_of(m_cues.stance, words);
        e.breadths = hits_of(m_cues.breadth, words);
        e.first_person = first_person_hits(m_cues.first_person, words);
        e.pronouns = hits_of(m_cues.pronoun, words);
        e.impersonal = hits_of(m_cues.impersonal, words);
        // "werd benadrukt" names no reporter: its "benadrukt" is not a report by whoever is named.
        std::erase_if(e.reports, [&](const CueHit& report) {
            return std::any_of(e.impersonal.begin(), e.impersonal.end(), [&](const CueHit& impersonal) {
                return report.start < impersonal.end && impersonal.start < report.end;
            });
        });
        for (ActorMention mention : m_names.find(words)) {
            if (is_object(words, mention.first_word, e.reports)) {
                continue;
            }
            if (auto members = members_meant(words, mention, !e.breadths.empty())) {
                mention.ref = *members;
            }
            e.mentions.push_back(mention);
        }
        return e;
    }

    /// An organisation named with its members ("NAVO-ministers") or with a breadth ("brede steun binnen
    /// het Bondgenootschap") stands for the group of its members, when the known actors have one.
    std::optional<ActorRef> members_meant(const std::vector<Word>& words, const ActorMention& mention,
                                          bool breadth) const {
        if (mention.ref.kind != ActorKind::organisation) {
            return std::nullopt;
        }
        const std::size_t next = mention.first_word + mention.word_count;
        const bool members_follow = next < words.size() && m_cues.members.longest_at(words, next) != nullptr;
        return members_follow || breadth ? m_names.members_of(mention.ref.actor) : std::nullopt;
    }

    std::vector<Holder> holders_of(const SentenceEvidence& e) {
        std::vector<Holder> holders;
        for (const ActorMention& mention : e.mentions) {
            add_holder(holders, mention.ref, ActorEvidence::named);
            if (mention.ref.person) {
                m_last_person = mention.ref;
            }
        }
        if (!e.pronouns.empty() && m_last_person) {
            add_holder(holders, *m_last_person, ActorEvidence::named);
        }
        if (!e.first_person.empty() && m_options.speaker_actor) {
            if (auto speaker = speaker_ref()) {
                add_holder(holders, *speaker, ActorEvidence::first_person);
            }
        }
        return holders;
    }

    void suggest_for(const SentenceSpan& sentence, std::vector<Candidate>& out) {
        const std::string_view text =
            std::string_view(m_document.text).substr(sentence.start, sentence.end - sentence.start);
        const std::vector<Word> words = detail::words_of(text, sentence.start);
        if (words.empty()) {
            return;
        }
        const SentenceEvidence e = evidence_of(words);
        std::vector<Holder> holders = holders_of(e);
        if (e.reports.empty() && e.stances.empty() && e.impersonal.empty()) {
            return; // no cue: nothing says a position is stated here
        }
        const bool own_report = !e.reports.empty() && !holders.empty();
        remember_reported(holders, own_report);
        if (!own_report || !e.impersonal.empty()) {
            // The sentence names no reporter of its own: it goes on with the last report, or, in the
            // author's own text, it is the author's evaluation.
            for (const Holder& reported : m_reported) {
                add_holder(holders, reported.ref, ActorEvidence::carried);
            }
            if (m_options.speaker_actor && e.reports.empty()) {
                if (auto author = speaker_ref()) {
                    add_holder(holders, *author, ActorEvidence::author);
                }
            }
        }
        const detail::ClaimGuess claim = m_claims.guess(words);
        for (const Holder& holder : holders) {
            Candidate candidate = candidate_for(sentence, text, holder, e, claim);
            if (candidate.confidence >= m_options.min_confidence) {
                out.push_back(std::move(candidate));
            }
        }
    }

    /// Who later sentences without a reporter go on with: whoever this sentence reports, or a group
    /// it names as holding a position ("Bondgenoten spraken steun uit"); a state named without a
    /// reporting verb is as often what the sentence is about as who speaks, so it is not carried.
    void remember_reported(const std::vector<Holder>& holders, bool own_report) {
        std::vector<Holder> reported;
        for (const Holder& holder : holders) {
            const bool voiced =
                holder.evidence == ActorEvidence::named || holder.evidence == ActorEvidence::first_person;
            if (voiced && (own_report || holder.ref.kind == ActorKind::group)) {
                reported.push_back(holder);
            }
        }
        if (!reported.empty()) {
            m_reported = std::move(reported);
        }
    }

    Candidate candidate_for(const SentenceSpan& sentence, std::string_view text, const Holder& holder,
                            const SentenceEvidence& e, const detail::ClaimGuess& claim) const {
        Candidate c;
        c.span = SourceSpan{m_document.id, sentence.start, sentence.end, std::nullopt};
        c.sentence = std::string(text);
        c.actor = holder.ref.actor;
        c.speaker = holder.ref.person;
        c.evidence = holder.evidence;
        c.topic = claim.topic;
        c.proposition = claim.proposition;
        const CueHit* strongest_stance = nullptr;
        for (const CueHit& hit : e.stances) {
            if (!strongest_stance || hit.cue.weight > strongest_stance->cue.weight) {
                strongest_stance = &hit;
            }
        }
        c.kind = strongest_stance ? strongest_stance->cue.polarity : PositionKind::support;
        if (m_options.speaker_actor && c.actor != *m_options.speaker_actor) {
            c.basis = Basis::reported;
            c.reported_by = m_options.speaker_actor;
        }
        if (holder.ref.kind == ActorKind::group) {
            c.breadth = e.breadths.empty() ? Breadth::all : e.breadths.front().cue.breadth;
        }
        // Two decimals: a confidence is a rough score, and "0.87" reads better than 0.8700000000000001.
        const double evidence = 0.15 + 0.3 * std::max(strongest(e.reports), strongest(e.impersonal)) +
                                0.25 * strongest(e.stances) + evidence_weight(holder.evidence) +
                                (claim.topic ? 0.05 : 0.0);
        c.confidence = std::round(100.0 * std::min(0.95, evidence)) / 100.0;
        for (const auto* list : {&e.reports, &e.impersonal, &e.stances, &e.breadths, &e.first_person, &e.pronouns}) {
            c.cues.insert(c.cues.end(), list->begin(), list->end());
        }
        std::sort(c.cues.begin(), c.cues.end(), [](const CueHit& a, const CueHit& b) { return a.start < b.start; });
        return c;
    }

    const Document& m_document;
    const SuggestOptions& m_options;
    CueIndexes m_cues;
    detail::ActorNames m_names;
    detail::ClaimGuesser m_claims;
    std::vector<Holder> m_reported;        ///< Who the paragraph's last reporting sentence named.
    std::optional<ActorRef> m_last_person; ///< For "hij" / "he".
};

} // namespace

std::string_view to_string(ActorEvidence evidence) noexcept {
    switch (evidence) {
    case ActorEvidence::named: return "named";
    case ActorEvidence::first_person: return "first person";
    case ActorEvidence::carried: return "carried from an earlier sentence";
    case ActorEvidence::author: return "the author's evaluation";
    }
    return "?";
}

std::vector<Candidate> suggest_stances(const Document& document, const Dataset& known, const Lexicon& lexicon,
                                       const SuggestOptions& options) {
    return Suggester(document, known, lexicon, options).run();
}

Dataset known_entities(const Store& store) {
    Dataset known;
    known.actors = store.actors();
    known.roles = store.roles();
    known.topics = store.topics();
    known.propositions = store.propositions();
    return known;
}

} // namespace stance
