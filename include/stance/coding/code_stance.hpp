// Coding a stance by its quote (`stance code`, docs/coding.md): the analyst gives the actor, the
// claim, the position, the meeting and the words of the document, as typed; stance resolves every
// name as the queries do (any language, any case: "NL", "Nederland"), finds the quote's span with
// the forgiving search of locate_quote.hpp, and stores the exact text of the span as the quote.
//
// Everything is written through one ImportSession, so the store's write rules and its history see
// it like any import, and a batch (a CSV file, coding/stance_csv.hpp) is written whole or not at all.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "stance/coding/locate_quote.hpp"
#include "stance/model/stance.hpp"

namespace stance {

class Store;

/// One stance as the analyst types it. Empty strings mean "not given". The field names are those
/// of the `stance code` options and of the CSV columns (coding_field_names).
struct StanceCoding {
    std::string document;    ///< A document id (required).
    std::string actor;       ///< Any id, code or name of the actor (required).
    std::string claim;       ///< A proposition id, or any id or name of a topic (required).
    std::string position;    ///< support, oppose, … (required; docs/position-scale.md).
    std::string score;       ///< A number on the kind's range; the kind's default when empty.
    std::string breadth;     ///< single, all, broad, many, some; single when empty.
    std::string meeting;     ///< Any id, date or title; may be left out when `agenda_item` is given.
    std::string agenda_item; ///< An agenda item id.
    std::string speaker;     ///< Any id or name of the person who spoke.
    std::string basis;       ///< statement (default, or reported when `reported_by` is given), vote, …
    std::string reported_by; ///< Any id or name of whose account this is.
    std::string paraphrase;
    std::string note;
    std::string confidence; ///< A number in [0, 1]; 1 when empty.
    std::string coder;
    std::string id;         ///< The stance id; generated (generated_stance_id) when empty.
    std::string quote;      ///< The words of the document, as typed (required unless `span` is given).
    std::string occurrence; ///< Which place, from 1 in text order, when the quote occurs more than once.
    /// Explicit byte offsets [start, end) instead of a search; with a quote, the span must hold it.
    std::optional<std::pair<std::size_t, std::size_t>> span;
};

/// The field names, in the order of StanceCoding, as options ("--agenda-item") and CSV columns
/// ("agenda-item") spell them.
[[nodiscard]] std::span<const std::string_view> coding_field_names();
/// The field named `name`; nullptr for an unknown name (or "span", which is not a text field).
[[nodiscard]] std::string* coding_field(StanceCoding& coding, std::string_view name);
[[nodiscard]] const std::string* coding_field(const StanceCoding& coding, std::string_view name);

/// One thing wrong with a StanceCoding: which field, what, and what to do.
struct CodingProblem {
    enum class Kind : std::uint8_t {
        invalid,   ///< The value cannot be used (a bad number, an unknown position kind, a rule broken).
        not_found, ///< A reference or the quote matched nothing, or more than one thing.
    };
    Kind kind = Kind::invalid;
    std::string field;                   ///< A name of coding_field_names(); empty for the stance as a whole.
    std::string message;                 ///< What is wrong and what to do.
    std::vector<std::string> candidates; ///< The closest matches of a reference that was not found.
    /// For a stance id that an earlier coding of the same batch has too: that coding's index.
    std::optional<std::size_t> same_id_as = {};
};

/// A stance as written, with where its quote is in its document.
struct CodedStance {
    Stance stance;
    QuotePlace place;
};

/// The outcome of code_stances: per coding either its stance or its problems.
struct CodingRun {
    std::vector<CodedStance> coded;                   ///< One per coding when everything passed; else empty.
    std::vector<std::vector<CodingProblem>> problems; ///< One list per coding, in order; empty lists when all passed.
    bool written = false;                             ///< True when the stances were committed.

    [[nodiscard]] std::size_t problem_count() const;
};

/// Whether code_stances writes what passes, or only checks (a caller that found other problems
/// first, such as a CSV row with too few fields, still wants every coding checked).
enum class CodingMode : std::uint8_t { write, check_only };

/// Resolves every coding and, when none has a problem, writes all the stances in one transaction.
/// With any problem nothing is written, and every problem of every coding is reported (not only
/// the first). `coded_at` is the time stamp every stance gets (ISO 8601; now_iso8601 by default).
[[nodiscard]] CodingRun code_stances(Store& store, std::span<const StanceCoding> codings, std::string coded_at = {},
                                     CodingMode mode = CodingMode::write);

/// One stance: code_stances with one coding. Throws not_found_error (for an unknown reference or a
/// quote not found once, with the closest candidates) or invalid_input_error naming the field, with
/// every problem in the message.
CodedStance code_stance(Store& store, const StanceCoding& coding, std::string coded_at = {});

/// The id a stance gets when none is given: "ACTOR.CLAIM.DOCUMENT.START", for example
/// "nld.nato-russia-dialogue.nl-letter-2017-03-31.7829": readable, and stable (the same stance
/// coded again gets the same id, and is refused as already stored instead of stored twice). Cut to
/// the longest id allowed, keeping the document and the offset, when the parts are too long.
/// With `coder` it ends in ".by-CODER" (the name lowercased, other characters than letters and
/// digits as '-'): the id a second coder's stance gets when another coder's stance already holds the
/// plain one, so that two coders can code the same sentence (what inter-coder reliability compares).
[[nodiscard]] StanceId generated_stance_id(const ActorId& actor, std::string_view claim, const DocumentId& document,
                                           std::size_t start, std::string_view coder = {});

/// The current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
[[nodiscard]] std::string now_iso8601();

} // namespace stance
