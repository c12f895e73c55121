// The options that narrow the stances a command reads (--actor, --speaker, --topic, --meeting,
// --document, --coder, --basis, --from, --to), shared by `stances` and `search`, and their
// translation into a StanceFilter through the library's reference resolution.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "stance/store/store.hpp"

namespace stance {
class Catalog;
}

namespace stance::cli {

struct FilterOptions {
    std::string actor;
    std::vector<std::string> speakers;
    std::string topic;
    std::string meeting;
    std::string document;
    std::vector<std::string> coders;
    std::vector<std::string> bases;
    std::string from;
    std::string to;
};

/// Which of the options a command offers.
struct FilterChoice {
    bool document = false;
    bool coder = false;
    bool basis = false;
};

void add_filter_options(CLI::App& command, FilterOptions& options, FilterChoice choice);
/// `-s,--speaker PERSON`, repeatable; for the queries that take no other filter options.
void add_speaker_option(CLI::App& command, std::vector<std::string>& speakers);

/// The filter the options ask for: the actor with the stances naming it, the topic and the meeting
/// with what lies below them, speakers that must be persons. Throws not_found_error for a reference
/// that names nothing or several things, invalid_input_error for a bad date, basis or date order.
[[nodiscard]] StanceFilter to_stance_filter(const FilterOptions& options, const Store& store, const Catalog& catalog);

/// `--basis` values; throws invalid_input_error naming the option for an unknown one.
[[nodiscard]] std::vector<Basis> parse_bases(const std::vector<std::string>& names);

} // namespace stance::cli
