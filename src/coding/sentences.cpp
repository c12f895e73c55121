// Sentence splitting with ICU's sentence BreakIterator. ICU ends a sentence at every line break,
// but reports wrap their lines by hand; so the iterator sees a copy of the text in which a single
// line break is a space (same byte length, so offsets stay those of the original), and a blank line
// stays a paragraph break.
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "coding/words.hpp"
#include "stance/coding/suggest.hpp"
#include "stance/error.hpp"

namespace stance {

namespace {

/// The text with line breaks inside paragraphs turned into spaces: a line break stays only where a
/// blank line follows, which ICU takes as the end of a paragraph.
std::string joined_lines(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] == '\r') {
            out[i] = ' ';
            continue;
        }
        if (out[i] != '\n') {
            continue;
        }
        std::size_t next = i + 1;
        while (next < text.size() && detail::is_ascii_space(text[next]) && text[next] != '\n') {
            ++next;
        }
        if (next >= text.size() || text[next] != '\n') {
            out[i] = ' ';
        }
    }
    return out;
}

bool blank_line_between(std::string_view text, std::size_t from, std::size_t to) {
    std::size_t breaks = 0;
    for (std::size_t i = from; i < to; ++i) {
        if (text[i] == '\n') {
            ++breaks;
        } else if (!detail::is_ascii_space(text[i])) {
            breaks = 0;
        }
        if (breaks >= 2) {
            return true;
        }
    }
    return false;
}

} // namespace

std::vector<SentenceSpan> split_sentences(std::string_view text, const std::string& language) {
    const std::string joined = joined_lines(text);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> breaks(
        // "ss=standard": ICU's list of abbreviations after which a full stop ends no sentence ("Mr.", "U.S.").
        icu::BreakIterator::createSentenceInstance(
            icu::Locale((std::string(language.empty() ? "en" : language) + "@ss=standard").c_str()), status));
    if (U_FAILURE(status)) {
        throw error("ICU could not create a sentence break iterator; check the libicu installation");
    }
    UText* utext = utext_openUTF8(nullptr, joined.data(), static_cast<int64_t>(joined.size()), &status);
    breaks->setText(utext, status); // the iterator clones the UText: offsets are native, i.e. UTF-8 bytes
    utext_close(utext);
    if (U_FAILURE(status)) {
        throw error("ICU could not read the document text for sentence splitting");
    }
    std::vector<SentenceSpan> sentences;
    std::size_t previous_end = 0;
    for (int32_t start = breaks->first(), end = breaks->next(); end != icu::BreakIterator::DONE;
         start = end, end = breaks->next()) {
        auto from = static_cast<std::size_t>(start);
        auto to = static_cast<std::size_t>(end);
        while (from < to && detail::is_ascii_space(text[from])) {
            ++from;
        }
        while (to > from && detail::is_ascii_space(text[to - 1])) {
            --to;
        }
        if (from == to) {
            continue;
        }
        sentences.push_back({from, to, sentences.empty() || blank_line_between(text, previous_end, from)});
        previous_end = to;
    }
    return sentences;
}

} // namespace stance
