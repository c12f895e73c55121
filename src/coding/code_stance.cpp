// Coding stances by quote in one transaction (see code_stance.hpp); resolve_coding.cpp turns each
// typed coding into a stance.
#include "stance/coding/code_stance.hpp"

#include <array>
#include <map>

#include <fmt/format.h>

#include "coding/resolve_coding.hpp"
#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

// Option and column names, in the order of StanceCoding's text fields.
constexpr std::array<std::string_view, 18> field_names{
    "document", "actor",       "claim",   "position", "score",       "breadth",
    "meeting",  "agenda-item", "speaker", "basis",    "reported-by", "paraphrase",
    "note",     "confidence",  "coder",   "id",       "quote",       "occurrence",
};

std::array<std::string StanceCoding::*, 18> field_members() {
    return {&StanceCoding::document, &StanceCoding::actor,      &StanceCoding::claim,       &StanceCoding::position,
            &StanceCoding::score,    &StanceCoding::breadth,    &StanceCoding::meeting,     &StanceCoding::agenda_item,
            &StanceCoding::speaker,  &StanceCoding::basis,      &StanceCoding::reported_by, &StanceCoding::paraphrase,
            &StanceCoding::note,     &StanceCoding::confidence, &StanceCoding::coder,       &StanceCoding::id,
            &StanceCoding::quote,    &StanceCoding::occurrence};
}

/// Every problem of one coding, one a line, "field: message".
std::string joined(const std::vector<CodingProblem>& problems) {
    std::string out;
    for (const CodingProblem& problem : problems) {
        out += fmt::format("{}{}{}{}", out.empty() ? "" : "\n", problem.field, problem.field.empty() ? "" : ": ",
                           problem.message);
    }
    return out;
}

} // namespace

std::span<const std::string_view> coding_field_names() {
    return field_names;
}

std::string* coding_field(StanceCoding& coding, std::string_view name) {
    const auto members = field_members();
    for (std::size_t i = 0; i < field_names.size(); ++i) {
        if (field_names[i] == name) {
            return &(coding.*members[i]);
        }
    }
    return nullptr;
}

const std::string* coding_field(const StanceCoding& coding, std::string_view name) {
    return coding_field(const_cast<StanceCoding&>(coding),
                        name); // NOLINT(cppcoreguidelines-pro-type-const-cast): reads only
}

std::size_t CodingRun::problem_count() const {
    std::size_t count = 0;
    for (const std::vector<CodingProblem>& list : problems) {
        count += list.size();
    }
    return count;
}

namespace {

/// `coder` as id characters: ASCII letters lowercased, digits kept, anything else '-'.
std::string id_form_of(std::string_view coder) {
    std::string out;
    for (const char c : coder) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool digit = c >= '0' && c <= '9';
        out += letter ? static_cast<char>(c | 0x20) : digit ? c : '-';
    }
    return out;
}

} // namespace

StanceId generated_stance_id(const ActorId& actor, std::string_view claim, const DocumentId& document,
                             std::size_t start, std::string_view coder) {
    std::string tail = fmt::format(".{}.{}", document.str(), start);
    if (!coder.empty()) {
        tail += ".by-" + id_form_of(coder);
    }
    std::string head = fmt::format("{}.{}", actor.str(), claim);
    if (head.size() + tail.size() > max_id_length) {
        head.resize(max_id_length > tail.size() ? max_id_length - tail.size() : 0);
    }
    return StanceId{(head + tail).substr(0, max_id_length)};
}

std::string now_iso8601() {
    return utc_now(); // the history's clock (store/history.hpp), so a stance's coded_at matches its change set
}

CodingRun code_stances(Store& store, std::span<const StanceCoding> codings, std::string coded_at, CodingMode mode) {
    if (coded_at.empty()) {
        coded_at = now_iso8601();
    }
    CodingRun run;
    run.problems.resize(codings.size());
    // The catalog is read inside the write transaction, so what is resolved is what is written against.
    const std::unique_ptr<ImportSession> session = store.begin_import();
    ChangeNote note;
    note.action = "code";
    session->note(note);
    std::vector<CodedStance> coded;
    {
        const Catalog catalog{store};
        detail::CodingResolver resolver(store, catalog);
        std::map<std::string, std::size_t> taken; // stance id → the coding that has it
        for (std::size_t i = 0; i < codings.size(); ++i) {
            std::optional<CodedStance> stance = resolver.resolve(codings[i], run.problems[i]);
            if (!stance) {
                continue;
            }
            const auto [at, fresh] = taken.emplace(stance->stance.id.str(), i);
            if (!fresh) {
                run.problems[i].push_back(CodingProblem{
                    CodingProblem::Kind::invalid,
                    "id",
                    fmt::format("stance \"{}\" is also coded by entry {} of this batch; give one of them another id",
                                at->first, at->second + 1),
                    {},
                    at->second});
                continue;
            }
            stance->stance.coded_at = coded_at;
            coded.push_back(std::move(*stance));
        }
    }
    if (run.problem_count() > 0) {
        return run; // the session rolls back: nothing was written
    }
    for (std::size_t i = 0; i < coded.size(); ++i) {
        try {
            session->put(coded[i].stance);
        } catch (const invalid_input_error& refused) {
            // The write rules (a speaker without a role, a proposition outside the topic …) name the stance.
            run.problems[i].push_back(CodingProblem{CodingProblem::Kind::invalid, "", refused.what(), {}});
        }
    }
    if (run.problem_count() > 0 || mode == CodingMode::check_only) {
        return run;
    }
    session->commit();
    run.coded = std::move(coded);
    run.written = true;
    return run;
}

CodedStance code_stance(Store& store, const StanceCoding& coding, std::string coded_at) {
    CodingRun run = code_stances(store, std::span(&coding, 1), std::move(coded_at));
    if (run.written) {
        return std::move(run.coded.front());
    }
    const std::vector<CodingProblem>& problems = run.problems.front();
    for (const CodingProblem& problem : problems) {
        if (problem.kind == CodingProblem::Kind::not_found) {
            throw not_found_error(joined(problems), problem.candidates);
        }
    }
    throw invalid_input_error(problems.size() == 1 ? problems.front().field : std::string(),
                              problems.size() == 1 ? problems.front().message : joined(problems));
}

} // namespace stance
