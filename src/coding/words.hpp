// Words of a text and phrases over them, for the suggestion code: a sentence is cut into words
// (runs of letters and digits), each folded for matching (case and accents), and phrases — cue
// phrases, actor names, topic labels — are matched as sequences of such words, longest first.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace stance::detail {

struct Word {
    std::string folded;    ///< Case and accents folded ("oekraine").
    std::string_view raw;  ///< As written.
    std::size_t start = 0; ///< Byte offsets in the text the words were cut from.
    std::size_t end = 0;
};

/// The six ASCII white space characters: the ones that wrap lines in the texts stance reads.
[[nodiscard]] constexpr bool is_ascii_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// The words of `text`; offsets are relative to `text` plus `base`.
[[nodiscard]] std::vector<Word> words_of(std::string_view text, std::size_t base = 0);

/// A short acronym written in capitals ("US", "EU", "NAVO"): matched only as written, so "us" in
/// English is not the United States.
[[nodiscard]] bool is_acronym(std::string_view raw);

/// Phrases (sequences of folded words) each carrying a value; finds the longest phrase at a position.
template <class Value> class PhraseIndex {
public:
    struct Entry {
        std::vector<std::string> words;
        std::string acronym; ///< Non-empty: a one-word phrase that must match as written.
        Value value;
    };

    void add(std::string_view phrase, Value value) {
        std::vector<Word> parts = words_of(phrase);
        if (parts.empty()) {
            return;
        }
        Entry entry{
            {}, parts.size() == 1 && is_acronym(parts[0].raw) ? std::string(parts[0].raw) : "", std::move(value)};
        for (Word& part : parts) {
            entry.words.push_back(std::move(part.folded));
        }
        m_by_first[entry.words.front()].push_back(std::move(entry));
    }

    /// The longest entry matching `words` from `at`, or nullptr.
    [[nodiscard]] const Entry* longest_at(const std::vector<Word>& words, std::size_t at) const {
        const auto found = m_by_first.find(words[at].folded);
        if (found == m_by_first.end()) {
            return nullptr;
        }
        const Entry* best = nullptr;
        for (const Entry& entry : found->second) {
            if (matches(entry, words, at) && (!best || entry.words.size() > best->words.size())) {
                best = &entry;
            }
        }
        return best;
    }

    /// Every non-overlapping longest match, left to right: (first word, entry).
    [[nodiscard]] std::vector<std::pair<std::size_t, const Entry*>> scan(const std::vector<Word>& words) const {
        std::vector<std::pair<std::size_t, const Entry*>> hits;
        for (std::size_t i = 0; i < words.size();) {
            if (const Entry* entry = longest_at(words, i)) {
                hits.emplace_back(i, entry);
                i += entry->words.size();
            } else {
                ++i;
            }
        }
        return hits;
    }

private:
    static bool matches(const Entry& entry, const std::vector<Word>& words, std::size_t at) {
        if (at + entry.words.size() > words.size()) {
            return false;
        }
        if (!entry.acronym.empty() && words[at].raw != entry.acronym) {
            return false;
        }
        for (std::size_t k = 0; k < entry.words.size(); ++k) {
            if (words[at + k].folded != entry.words[k]) {
                return false;
            }
        }
        return true;
    }

    std::unordered_map<std::string, std::vector<Entry>> m_by_first;
};

} // namespace stance::detail
