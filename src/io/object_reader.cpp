// The generic object reader (object_reader.hpp): each accessor checks one JSON type and says what
// was expected where.
#include "io/object_reader.hpp"

#include <algorithm>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/text/normalize.hpp"
#include "stance/text/utf8.hpp"

namespace json = boost::json;

namespace stance::detail {

std::string describe(const json::value& value) {
    switch (value.kind()) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_: return "a number";
    case json::kind::string: return "a string";
    case json::kind::array: return "an array";
    case json::kind::object: return "an object";
    }
    return "a value";
}

std::string excerpt_in_quotes(std::string_view text) {
    constexpr std::size_t limit = 80;
    std::size_t end = 0;
    for (std::size_t characters = 0; end < text.size() && characters < limit; ++characters) {
        ++end;
        while (end < text.size() && !is_char_boundary(text, end)) {
            ++end;
        }
    }
    return end < text.size() ? fmt::format("\"{}…\" ({} bytes)", text.substr(0, end), text.size())
                             : fmt::format("\"{}\"", text);
}

ObjectReader::ObjectReader(const json::value& value, std::string path, const ReaderContext& context)
    : m_path(std::move(path)), m_context(context) {
    if (!value.is_object()) {
        fail_here(fmt::format("expected an object, found {}", describe(value)));
    }
    m_object = &value.get_object();
}

std::string ObjectReader::where(std::string_view key) const {
    return fmt::format("{}: {}.{}", m_context.source, m_path, key);
}

void ObjectReader::fail(std::string_view key, const std::string& what) const {
    throw invalid_input_error(where(key), what);
}
void ObjectReader::fail_here(const std::string& what) const {
    throw invalid_input_error(fmt::format("{}: {}", m_context.source, m_path), what);
}

void ObjectReader::problem(std::string_view key, const std::string& what) {
    if (m_context.problems == nullptr) {
        fail(key, what);
    }
    if (std::find(m_reported.begin(), m_reported.end(), key) == m_reported.end()) {
        m_reported.emplace_back(key);
        ++m_context.problems->count;
        (*m_context.problems->report)(invalid_input_error(where(key), what));
    }
}

std::optional<ObjectReader> ObjectReader::child(std::string_view key) {
    const json::value* value = find(key);
    if (!value->is_object()) {
        problem(key, fmt::format("expected an object, found {}", describe(*value)));
        return {};
    }
    return ObjectReader(*value, fmt::format("{}.{}", m_path, key), m_context);
}

const json::value* ObjectReader::find(std::string_view key) {
    m_seen.emplace_back(key);
    const json::value* value = m_object->if_contains(key);
    return (value && !value->is_null()) ? value : nullptr;
}

std::string ObjectReader::optional_string(std::string_view key) {
    const json::value* value = find(key);
    if (!value) {
        return {};
    }
    if (!value->is_string()) {
        problem(key, fmt::format("expected a string, found {}", describe(*value)));
        return {};
    }
    return std::string(value->get_string());
}

std::string ObjectReader::required_string(std::string_view key) {
    if (!find(key)) {
        problem(key, "is required and missing");
        return {};
    }
    std::string text = optional_string(key);
    if (text.empty()) {
        problem(key, "must not be empty");
        return {}; // unless it was not a string, reported already
    }
    return text;
}

std::string ObjectReader::required_name(std::string_view key) {
    return checked_name(key, required_string(key));
}

std::string ObjectReader::checked_name(std::string_view key, const std::string& text) {
    if (auto invisible = first_invisible_character(text)) {
        problem(key, fmt::format("{} holds an invisible or control character ({}); remove it, a name must look like "
                                 "what it matches",
                                 excerpt_in_quotes(text), *invisible));
        return {};
    }
    std::string name = to_nfc(text);
    if (m_context.warn && *m_context.warn && mixes_confusable_scripts(name)) {
        (*m_context.warn)(fmt::format("{}: {}.{}: {} mixes scripts whose letters look alike (for example a Cyrillic "
                                      "letter in a Latin word); check that it is typed as meant",
                                      m_context.source, m_path, key, excerpt_in_quotes(name)));
    }
    return name;
}

std::optional<Date> ObjectReader::optional_date(std::string_view key) {
    std::string text = optional_string(key);
    if (text.empty()) {
        return std::nullopt;
    }
    auto date = Date::parse(text);
    if (!date) {
        problem(key, fmt::format("{} is not a date that exists; write YYYY-MM-DD", excerpt_in_quotes(text)));
        return {};
    }
    return date;
}

Date ObjectReader::required_date(std::string_view key) {
    if (!find(key)) {
        problem(key, "is required and missing (YYYY-MM-DD)");
        return {};
    }
    return optional_date(key).value_or(Date{});
}

std::optional<double> ObjectReader::optional_number(std::string_view key, double min, double max) {
    const json::value* value = find(key);
    if (!value) {
        return std::nullopt;
    }
    if (!value->is_number()) {
        problem(key, fmt::format("expected a number, found {}", describe(*value)));
        return {};
    }
    const double number = value->to_number<double>();
    if (!(number >= min && number <= max)) {
        problem(key, fmt::format("{} is outside [{}, {}]", number, min, max));
        return {};
    }
    return number;
}

std::optional<bool> ObjectReader::optional_bool(std::string_view key) {
    const json::value* value = find(key);
    if (!value) {
        return std::nullopt;
    }
    if (!value->is_bool()) {
        problem(key, fmt::format("expected true or false, found {}", describe(*value)));
        return {};
    }
    return value->get_bool();
}

std::optional<std::int64_t> ObjectReader::optional_integer(std::string_view key, std::int64_t min, std::int64_t max) {
    const json::value* value = find(key);
    if (!value) {
        return std::nullopt;
    }
    std::int64_t number = 0;
    if (value->is_int64()) {
        number = value->get_int64();
    } else if (value->is_uint64() && value->get_uint64() <= static_cast<std::uint64_t>(max)) {
        number = static_cast<std::int64_t>(value->get_uint64());
    } else if (value->is_number()) {
        problem(key, fmt::format("expected a whole number in [{}, {}], found {}", min, max, json::serialize(*value)));
        return {};
    } else {
        problem(key, fmt::format("expected a whole number, found {}", describe(*value)));
        return {};
    }
    if (number < min || number > max) {
        problem(key, fmt::format("{} is outside [{}, {}]", number, min, max));
        return {};
    }
    return number;
}

std::int64_t ObjectReader::required_integer(std::string_view key, std::int64_t min, std::int64_t max) {
    if (!find(key)) {
        problem(key, "is required and missing");
        return {};
    }
    return optional_integer(key, min, max).value_or(min);
}

std::vector<Name> ObjectReader::aliases(std::string_view key) {
    std::vector<Name> names;
    const json::value* value = find(key);
    if (!value) {
        return names;
    }
    if (!value->is_object()) {
        problem(key, R"(expected an object from language tag to a list of names, like {"nl": ["Nederland"]})");
        return {};
    }
    for (const auto& [language, list] : value->get_object()) {
        const std::string where = fmt::format("{}.{}", key, std::string_view(language));
        if (language.empty() || !list.is_array()) {
            problem(where, "expected a language tag with a list of names");
            continue;
        }
        std::size_t index = 0;
        for (const json::value& name : list.get_array()) {
            const std::string at = fmt::format("{}[{}]", where, index++);
            if (!name.is_string() || name.get_string().empty()) {
                problem(at, "expected a non-empty name");
                continue;
            }
            names.push_back(Name{std::string(language), checked_name(at, std::string(name.get_string()))});
        }
    }
    return names;
}

std::vector<Name> ObjectReader::labels(std::string_view key) {
    std::vector<Name> names;
    const json::value* value = find(key);
    if (!value) {
        problem(key, R"(is required: an object from language tag to label, like {"en": "cooperation"})");
        return {};
    }
    if (!value->is_object() || value->get_object().empty()) {
        problem(key, R"(expected an object from language tag to label, like {"en": "cooperation"})");
        return {};
    }
    for (const auto& [language, label] : value->get_object()) {
        const std::string where = fmt::format("{}.{}", key, std::string_view(language));
        if (language.empty() || !label.is_string() || label.get_string().empty()) {
            problem(where, "expected a language tag with a non-empty label");
            continue;
        }
        names.push_back(Name{std::string(language), std::string(label.get_string())});
    }
    return names;
}

std::vector<Direction> ObjectReader::directions(std::string_view key) {
    std::vector<Direction> result;
    const json::value* value = find(key);
    if (!value) {
        return result;
    }
    if (!value->is_object()) {
        problem(key, "expected an object from scale topic id to a number in [-1, 1], like {\"russia\": 1}");
        return {};
    }
    for (const auto& [scale, weight] : value->get_object()) {
        const std::string where = fmt::format("{}.{}", key, std::string_view(scale));
        if (!is_valid_id(scale)) {
            problem(where, fmt::format("{} is not a topic id: use lowercase letters, digits, - _ . :",
                                       excerpt_in_quotes(scale)));
            continue;
        }
        if (!weight.is_number()) {
            problem(where, fmt::format("expected a number in [-1, 1], found {}", describe(weight)));
            continue;
        }
        const double number = weight.to_number<double>();
        if (!(number >= -1.0 && number <= 1.0)) {
            problem(where, fmt::format("{} is outside [-1, 1]", number));
            continue;
        }
        result.push_back(Direction{TopicId{std::string(scale)}, number});
    }
    return result;
}

void ObjectReader::finish() {
    for (const auto& [key, value] : *m_object) {
        if (std::find(m_seen.begin(), m_seen.end(), std::string_view(key)) == m_seen.end()) {
            problem(key, "is not a known key here; see docs/dataset-format.md");
        }
    }
}

void ObjectReader::check_slug(std::string_view key, const std::string& text) {
    if (!is_valid_id(text)) {
        problem(key, fmt::format("{} is not a valid id: use 1-{} lowercase letters, digits, - _ . :",
                                 excerpt_in_quotes(text), max_id_length));
    }
}

std::vector<std::string> ObjectReader::slug_list(std::string_view key) {
    std::vector<std::string> slugs;
    const json::value* value = find(key);
    if (!value) {
        return slugs;
    }
    if (!value->is_array()) {
        problem(key, fmt::format("expected an array of ids, found {}", describe(*value)));
        return {};
    }
    std::size_t index = 0;
    for (const json::value& item : value->get_array()) {
        const std::string at = fmt::format("{}[{}]", key, index++);
        if (!item.is_string() || !is_valid_id(item.get_string())) {
            problem(at, "expected an id (lowercase letters, digits, - _ . :)");
            continue;
        }
        slugs.emplace_back(item.get_string());
    }
    return slugs;
}

std::vector<std::string> ObjectReader::string_list(std::string_view key) {
    std::vector<std::string> texts;
    const json::value* value = find(key);
    if (!value) {
        return texts;
    }
    if (!value->is_array()) {
        problem(key, fmt::format("expected an array of strings, found {}", describe(*value)));
        return {};
    }
    std::size_t index = 0;
    for (const json::value& item : value->get_array()) {
        const std::string at = fmt::format("{}[{}]", key, index++);
        if (!item.is_string()) {
            problem(at, fmt::format("expected a string, found {}", describe(item)));
            continue;
        }
        texts.emplace_back(item.get_string());
    }
    return texts;
}

} // namespace stance::detail
