// Guessing what a sentence is about: the topic and proposition whose labels and aliases share the
// most words with it, after case and accent folding.
#pragma once

#include <optional>
#include <vector>

#include "coding/words.hpp"
#include "stance/model/dataset.hpp"

namespace stance::detail {

struct ClaimGuess {
    std::optional<TopicId> topic;
    std::optional<PropositionId> proposition;
};

class ClaimGuesser {
public:
    explicit ClaimGuesser(const Dataset& known);

    [[nodiscard]] ClaimGuess guess(const std::vector<Word>& sentence) const;

private:
    struct Label {
        std::vector<std::string> words; ///< Content words, folded.
    };
    struct Claim {
        std::string id;
        std::string topic; ///< For a proposition, its topic.
        std::vector<Label> labels;
        int depth = 0; ///< Of the topic in the hierarchy: more specific wins ties.
    };
    std::vector<Claim> m_topics;
    std::vector<Claim> m_propositions;
};

} // namespace stance::detail
