// A suggestion as JSON: the history's record of it (and reading that back for undo), and the
// library's public form (coding/suggestion_json.hpp); both walk its table (io/entity_fields.hpp).
#include "store/suggestion_json.hpp"

#include <algorithm>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "io/entity_reader.hpp"
#include "io/entity_writer.hpp"
#include "io/json_pretty.hpp"
#include "stance/coding/suggestion_json.hpp"
#include "stance/error.hpp"

namespace json = boost::json;

namespace stance {

namespace detail {

std::string joined_lines(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) {
        text += (text.empty() ? "" : "\n") + line;
    }
    return text;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

namespace {

/// The history's record: the query form with "" where an id is not there, as the history has
/// always kept it (entity_fields.hpp).
json::object recorded_object(const Suggestion& suggestion) {
    json::object object = to_json(suggestion, Form::query);
    for (auto& entry : object) {
        if (entry.value().is_null()) {
            entry.value() = "";
        }
    }
    return object;
}

} // namespace

std::string suggestion_json(const Suggestion& suggestion) {
    return compact_json(recorded_object(suggestion));
}

Suggestion parse_suggestion_json(std::string_view text) {
    const std::string source = "recorded suggestion";
    json::value value;
    try {
        value = json::parse(text);
    } catch (const std::exception& failure) {
        throw invalid_input_error(source, fmt::format("cannot be read back: {}", failure.what()));
    }
    const ReaderContext strict{source};
    ObjectReader reader(value, "$", strict);
    auto suggestion = read_entity<Suggestion>(reader);
    reader.finish();
    return suggestion;
}

} // namespace detail

std::string to_json(const Suggestion& suggestion) {
    return detail::compact_json(detail::to_json(suggestion, detail::Form::query));
}

} // namespace stance
