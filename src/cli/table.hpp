// Tabular output in the three formats every listing and query command offers.
#pragma once

#include <initializer_list>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace stance::cli {

/// md (Markdown tables for memos) and svg (charts) only where a command offers them.
enum class Format { text, json, csv, md, svg };

/// Adds `--format text|json|csv` to a command, plus the `extra` formats it also writes.
template <class App>
void add_format_option(App& command, Format& format, std::initializer_list<Format> extra = {},
                       std::string_view help = "Output format") {
    std::map<std::string, Format> names{{"text", Format::text}, {"json", Format::json}, {"csv", Format::csv}};
    std::string choices = "text|json|csv";
    for (const Format more : extra) {
        const std::string name = more == Format::md ? "md" : "svg";
        names.emplace(name, more);
        choices += "|" + name;
    }
    command
        .add_option("-f,--format", format,
                    std::string(help) + ": " + choices + (extra.size() ? " (docs/charts.md)" : ""))
        ->transform(CLI::CheckedTransformer(names, CLI::ignore_case))
        ->option_text(choices);
}

/// A header row and string cells; JSON output uses the headers as keys.
struct Table {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    bool csv_header = true; ///< False for the later parts of one CSV stream.

    void print(std::ostream& out, Format format) const;
};

/// Records the library wrote as JSON objects (a suggestion, a change set), as one JSON array on one
/// line, as a table's JSON output is: a command whose records have a library form writes that
/// form, so its keys are those of the HTTP API and the Python bindings.
void print_json_records(std::ostream& out, const std::vector<std::string>& records);

/// `text` as one Markdown table cell: pipes and backslashes escaped, line breaks as spaces, "<" as
/// an entity so that a quote is never read as HTML.
[[nodiscard]] std::string markdown_cell(std::string_view text);

} // namespace stance::cli
