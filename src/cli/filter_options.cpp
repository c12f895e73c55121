// Filter options to StanceFilter; see filter_options.hpp.
#include "filter_options.hpp"

#include <fmt/format.h>

#include "commands.hpp"
#include "stance/error.hpp"
#include "stance/query/filter_references.hpp"

namespace stance::cli {

void add_speaker_option(CLI::App& command, std::vector<std::string>& speakers) {
    command.add_option("-s,--speaker", speakers,
                       "Only stances this person voiced (repeat for several); a person, not a state");
}

void add_filter_options(CLI::App& command, FilterOptions& options, FilterChoice choice) {
    command.add_option("-a,--actor", options.actor, "Only stances of this actor (or naming it)");
    add_speaker_option(command, options.speakers);
    command.add_option("-t,--topic", options.topic, "Only this topic and its subtopics");
    command.add_option("-m,--meeting", options.meeting,
                       "Only this meeting and the meetings inside it (id, title, or a date it spans)");
    if (choice.document) {
        command.add_option("-d,--document", options.document, "Only stances quoting this document (id or title)");
    }
    if (choice.coder) {
        command.add_option("--coder", options.coders, "Only stances coded by this coder (exact; repeat for several)");
    }
    if (choice.basis) {
        command
            .add_option("--basis", options.bases,
                        "Only stances known this way: vote, statement, reported, inferred, recalled (repeat or "
                        "separate with commas)")
            ->delimiter(',');
    }
    command.add_option("--from", options.from, "Only stances on or after this date (YYYY-MM-DD)");
    command.add_option("--to", options.to, "Only stances on or before this date (YYYY-MM-DD)");
}

std::vector<Basis> parse_bases(const std::vector<std::string>& names) {
    std::vector<Basis> bases;
    for (const std::string& name : names) {
        const std::optional<Basis> basis = parse_basis(name);
        if (!basis) {
            throw invalid_input_error("--basis", fmt::format("\"{}\" is not one of vote, statement, reported, "
                                                             "inferred, recalled",
                                                             name));
        }
        bases.push_back(*basis);
    }
    return bases;
}

namespace {

/// An option that takes one reference: none when it was not given.
std::vector<std::string> given(const std::string& reference) {
    return reference.empty() ? std::vector<std::string>{} : std::vector<std::string>{reference};
}

} // namespace

StanceFilter to_stance_filter(const FilterOptions& options, const Store& store, const Catalog& catalog) {
    const StanceReferences references{.actors = given(options.actor),
                                      .speakers = options.speakers,
                                      .topics = given(options.topic),
                                      .meetings = given(options.meeting),
                                      .documents = given(options.document)};
    StanceFilter filter = resolve_references(store, catalog, references);
    filter.coders = options.coders;
    filter.bases = parse_bases(options.bases);
    filter.from = parse_date_option(options.from, "--from");
    filter.to = parse_date_option(options.to, "--to");
    check_date_order(filter.from, filter.to);
    return filter;
}

} // namespace stance::cli
