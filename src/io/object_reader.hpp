// The generic reader of one JSON object of a dataset: typed accessors that check what they read and
// report a problem at its JSON path ("file.json: $.stances[3].score"), and the list of keys that no
// accessor asked for (typos). The entity readers (entity_reader.hpp) are built on it. Internal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "stance/model/date.hpp"
#include "stance/model/enum_names.hpp"
#include "stance/model/ids.hpp"
#include "stance/model/topic.hpp"

namespace stance {
class invalid_input_error;
}

namespace stance::detail {

/// "a string", "an array": what a message says was found instead.
[[nodiscard]] std::string describe(const boost::json::value& value);

/// `text` in quotes, cut to its first 80 characters: messages echo what was found, and a hostile
/// or broken file may put megabytes where an id or a date belongs.
[[nodiscard]] std::string excerpt_in_quotes(std::string_view text);

/// Where shape problems go when the caller collects them (DatasetReadOptions::on_problem), and how
/// many came, so that a list can leave out an entity that had any.
struct ProblemSink {
    const std::function<void(const invalid_input_error&)>* report = nullptr;
    std::size_t count = 0;
};

/// What every reader of one input shares.
struct ReaderContext {
    const std::string& source;
    const std::function<void(const std::string&)>* warn = nullptr;
    ProblemSink* problems = nullptr; ///< Null: the first problem throws.
    const std::function<void(std::string_view, std::size_t)>* left_out = nullptr;
};

/// One JSON object being read, with the path that leads to it. Every accessor checks the type and
/// reports problems at `path.key`; `finish` reports keys that no accessor asked for. A problem
/// throws, unless the context collects them: then it is reported once per key and the accessor
/// returns an empty value, so reading goes on and finds the entity's other problems. `fail` always
/// throws, for problems after which nothing of the entity can be read reliably. A key whose value
/// is null counts as missing.
class ObjectReader {
public:
    ObjectReader(const boost::json::value& value, std::string path, const ReaderContext& context);

    [[noreturn]] void fail(std::string_view key, const std::string& what) const;
    [[noreturn]] void fail_here(const std::string& what) const;
    /// A problem with `key`: thrown, or collected (the first per key; what follows from it is not news).
    void problem(std::string_view key, const std::string& what);

    /// The value at `key`, marked as asked for; null when missing or null.
    const boost::json::value* find(std::string_view key);
    /// The reader of the object at `key` (which the caller found); nothing, after a collected
    /// problem, when it is not an object.
    std::optional<ObjectReader> child(std::string_view key);

    std::string optional_string(std::string_view key);
    std::string required_string(std::string_view key);
    /// A name people read and match: NFC, no invisible characters, a warning when it mixes
    /// look-alike scripts.
    std::string required_name(std::string_view key);

    template <class IdType> IdType required_id(std::string_view key) {
        std::string text = required_string(key);
        if (!text.empty()) {
            check_slug(key, text);
        }
        return IdType{std::move(text)};
    }
    template <class IdType> std::optional<IdType> optional_id(std::string_view key) {
        std::string text = optional_string(key);
        if (text.empty()) {
            return std::nullopt;
        }
        check_slug(key, text);
        return IdType{std::move(text)};
    }
    template <class IdType> std::vector<IdType> id_list(std::string_view key) {
        std::vector<IdType> ids;
        for (std::string& text : slug_list(key)) {
            ids.emplace_back(std::move(text));
        }
        return ids;
    }
    /// ["a", "b"]: free texts (a suggestion's cues), none when the key is missing.
    std::vector<std::string> string_list(std::string_view key);

    std::optional<Date> optional_date(std::string_view key);
    Date required_date(std::string_view key);
    std::optional<double> optional_number(std::string_view key, double min, double max);
    std::optional<bool> optional_bool(std::string_view key);
    std::optional<std::int64_t> optional_integer(std::string_view key, std::int64_t min, std::int64_t max);
    std::int64_t required_integer(std::string_view key, std::int64_t min, std::int64_t max);

    /// {"nl": ["Nederland"]}: names by language.
    std::vector<Name> aliases(std::string_view key);
    /// {"en": "dialogue", "nl": "dialoog"}: one label per language (a scale's pole); required.
    std::vector<Name> labels(std::string_view key);
    /// {"russia": -1}: the direction on each named scale, a number in [-1, 1].
    std::vector<Direction> directions(std::string_view key);

    /// The enum value named at `key`, from the enum's name table (model/enum_names.hpp); `fallback`
    /// when missing, else a problem (the key is required).
    template <class Enum> Enum enum_value(std::string_view key, std::optional<Enum> fallback = std::nullopt) {
        const std::string text = optional_string(key);
        if (text.empty()) {
            if (fallback) {
                return *fallback;
            }
            problem(key, "is required; one of " + names_listed(names_of(Enum{})));
            return {};
        }
        if (auto value = parse_name<Enum>(text)) {
            return *value;
        }
        problem(key, excerpt_in_quotes(text) + " is not one of " + names_listed(names_of(Enum{})));
        return {};
    }

    /// Reports every key that no accessor asked for.
    void finish();

private:
    std::string checked_name(std::string_view key, const std::string& text);
    std::vector<std::string> slug_list(std::string_view key);
    void check_slug(std::string_view key, const std::string& text);
    [[nodiscard]] std::string where(std::string_view key) const;

    const boost::json::object* m_object = nullptr;
    std::vector<std::string> m_seen;
    std::vector<std::string> m_reported;
    std::string m_path;
    const ReaderContext& m_context;
};

} // namespace stance::detail
