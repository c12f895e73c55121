// Tabular output in the three formats every listing and query command offers.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace stance::cli {

enum class Format { text, json, csv };

/// Adds `--format text|json|csv` to a command.
template <class App> void add_format_option(App& command, Format& format) {
    command.add_option("-f,--format", format, "Output format: text, json or csv")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, Format>{{"text", Format::text}, {"json", Format::json}, {"csv", Format::csv}},
            CLI::ignore_case))
        ->option_text("text|json|csv");
}

/// A header row and string cells; JSON output uses the headers as keys.
struct Table {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    bool csv_header = true; ///< False for the later parts of one CSV stream.

    void print(std::ostream& out, Format format) const;
};

} // namespace stance::cli
