// Topic and proposition guessing by word overlap (see claim_guess.hpp). A label counts when at
// least half its content words occur in the sentence; longer labels matched in full count more.
#include "coding/claim_guess.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace stance::detail {

namespace {

/// Words too common to say what a sentence is about (Dutch and English); shorter words are dropped anyway.
const std::set<std::string, std::less<>> common_words{
    "voor",  "zijn", "deze",    "over",   "door",   "naar",    "niet",    "heeft", "hebben", "worden", "wordt", "werd",
    "zich",  "maar", "tijdens", "binnen", "tussen", "waarbij", "daarbij", "zoals", "andere", "their",  "with",  "from",
    "that",  "this", "have",    "been",   "will",   "should",  "must",    "which", "also",   "more",   "into",  "upon",
    "other", "such", "than",    "there",  "they",   "these",   "those",   "would", "could"};

std::vector<std::string> content_words(const std::vector<Word>& words) {
    std::vector<std::string> out;
    for (const Word& word : words) {
        if (word.folded.size() >= 4 && !common_words.contains(word.folded)) {
            out.push_back(word.folded);
        }
    }
    return out;
}

/// Same word, or one a longer inflection of the other ("sanctie", "sancties").
bool related(const std::string& a, const std::string& b) {
    if (a == b) {
        return true;
    }
    const std::string& shorter = a.size() < b.size() ? a : b;
    const std::string& longer = a.size() < b.size() ? b : a;
    return shorter.size() >= 5 && longer.starts_with(shorter) && longer.size() - shorter.size() <= 3;
}

/// How well a label fits the sentence: 0 when fewer than half its words occur.
double label_score(const std::vector<std::string>& label, const std::set<std::string>& sentence) {
    if (label.empty()) {
        return 0.0;
    }
    std::size_t matched = 0;
    for (const std::string& word : label) {
        for (const std::string& candidate : sentence) {
            if (related(word, candidate)) {
                ++matched;
                break;
            }
        }
    }
    const double share = static_cast<double>(matched) / static_cast<double>(label.size());
    return share < 0.5 ? 0.0 : share * (1.0 + 0.25 * static_cast<double>(matched - 1));
}

} // namespace

ClaimGuesser::ClaimGuesser(const Dataset& known) {
    std::map<std::string, std::vector<std::string>> parents;
    for (const Topic& topic : known.topics) {
        for (const TopicId& parent : topic.parents) {
            parents[topic.id.str()].push_back(parent.str());
        }
    }
    // The longest way up to a root: a topic under several parents is as specific as its deepest place.
    std::function<int(const std::string&, int)> depth_below = [&](const std::string& id, int guard) {
        int depth = 0;
        if (const auto up = parents.find(id); up != parents.end() && guard < 64) {
            for (const std::string& parent : up->second) {
                depth = std::max(depth, 1 + depth_below(parent, guard + 1));
            }
        }
        return depth;
    };
    auto depth_of = [&depth_below](const std::string& id) { return depth_below(id, 0); };
    for (const Topic& topic : known.topics) {
        Claim claim{topic.id.str(), topic.id.str(), {{content_words(words_of(topic.label))}}, depth_of(topic.id.str())};
        for (const Name& alias : topic.aliases) {
            claim.labels.push_back({content_words(words_of(alias.text))});
        }
        m_topics.push_back(std::move(claim));
    }
    for (const Proposition& proposition : known.propositions) {
        m_propositions.push_back({proposition.id.str(),
                                  proposition.topic.str(),
                                  {{content_words(words_of(proposition.statement))}},
                                  depth_of(proposition.topic.str())});
    }
}

ClaimGuess ClaimGuesser::guess(const std::vector<Word>& sentence) const {
    const std::vector<std::string> words = content_words(sentence);
    const std::set<std::string> present(words.begin(), words.end());
    auto best_of = [&present](const std::vector<Claim>& claims, const std::string& within) {
        const Claim* best = nullptr;
        double best_score = 0.0;
        for (const Claim& claim : claims) {
            if (!within.empty() && claim.topic != within) {
                continue;
            }
            double score = 0.0;
            for (const Label& label : claim.labels) {
                score = std::max(score, label_score(label.words, present));
            }
            if (score > best_score || (score > 0.0 && score == best_score && best && claim.depth > best->depth)) {
                best = &claim;
                best_score = score;
            }
        }
        return best;
    };
    ClaimGuess guess;
    const Claim* topic = best_of(m_topics, "");
    if (topic) {
        guess.topic = TopicId{topic->id};
    }
    if (const Claim* proposition = best_of(m_propositions, topic ? topic->id : "")) {
        guess.proposition = PropositionId{proposition->id};
        guess.topic = TopicId{proposition->topic};
    }
    return guess;
}

} // namespace stance::detail
