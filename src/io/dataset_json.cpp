// Parsing dataset JSON into the model. Every error names the input and the JSON path (or line and
// column for malformed JSON) and says what would be accepted.
#include "stance/io/dataset_json.hpp"

#include <fstream>
#include <initializer_list>
#include <sstream>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "io/document_folders.hpp"
#include "io/json_duplicate_keys.hpp"
#include "stance/error.hpp"
#include "stance/text/normalize.hpp"
#include "stance/text/utf8.hpp"

namespace json = boost::json;

namespace stance {

namespace {

constexpr std::int64_t supported_format_version = 2;
/// The first version with `"stored": false` documents (text referenced, never read on import).
constexpr std::int64_t reference_documents_version = 2;
constexpr std::size_t max_slug_length = max_id_length;

bool is_slug(std::string_view text) {
    return is_valid_id(text);
}

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

/// `text` in quotes, cut to its first 80 characters: messages echo what was found, and a hostile
/// or broken file may put megabytes where an id or a date belongs.
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

using WarningSink = std::function<void(const std::string&)>;

/// Where shape problems go when the caller collects them (DatasetReadOptions::on_problem), and how
/// many came, so that a list can leave out an entity that had any.
struct ProblemSink {
    const std::function<void(const invalid_input_error&)>* report = nullptr;
    std::size_t count = 0;
};

/// What every reader of one input shares.
struct ReaderContext {
    const std::string& source;
    const WarningSink* warn = nullptr;
    ProblemSink* problems = nullptr; ///< Null: the first problem throws.
    const std::function<void(std::string_view, std::size_t)>* left_out = nullptr;
};

/// One JSON object being read, with the path that leads to it. Every accessor checks the type and
/// reports problems at `path.key`; `finish` reports keys that no accessor asked for (typos). A
/// problem throws, unless the context collects them: then it is reported once per key and the
/// accessor returns an empty value, so reading goes on and finds the entity's other problems. `fail` always throws, for
/// problems after which nothing of the entity can be read reliably.
class ObjectReader {
public:
    ObjectReader(const json::value& value, std::string path, const ReaderContext& context)
        : m_path(std::move(path)), m_context(context) {
        if (!value.is_object()) {
            fail_here(fmt::format("expected an object, found {}", describe(value)));
        }
        m_object = &value.get_object();
    }

    [[noreturn]] void fail(std::string_view key, const std::string& what) const {
        throw invalid_input_error(fmt::format("{}: {}.{}", m_context.source, m_path, key), what);
    }
    [[noreturn]] void fail_here(const std::string& what) const {
        throw invalid_input_error(fmt::format("{}: {}", m_context.source, m_path), what);
    }

    /// A problem with `key`: thrown, or collected (the first per key; what follows from it is not news).
    void problem(std::string_view key, const std::string& what) {
        if (m_context.problems == nullptr) {
            fail(key, what);
        }
        if (std::find(m_reported.begin(), m_reported.end(), key) == m_reported.end()) {
            m_reported.emplace_back(key);
            ++m_context.problems->count;
            (*m_context.problems->report)(
                invalid_input_error(fmt::format("{}: {}.{}", m_context.source, m_path, key), what));
        }
    }

    /// The reader of the object at `key` (which the caller found); nothing, after a collected
    /// problem, when it is not an object.
    std::optional<ObjectReader> child(std::string_view key) {
        const json::value* value = find(key);
        if (!value->is_object()) {
            problem(key, fmt::format("expected an object, found {}", describe(*value)));
            return {};
        }
        return ObjectReader(*value, fmt::format("{}.{}", m_path, key), m_context);
    }

    const json::value* find(std::string_view key) {
        m_seen.emplace_back(key);
        const json::value* value = m_object->if_contains(key);
        return (value && !value->is_null()) ? value : nullptr;
    }

    std::string optional_string(std::string_view key) {
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

    std::string required_string(std::string_view key) {
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

    /// A name people read and match: NFC, no invisible characters, a warning when it mixes
    /// look-alike scripts.
    std::string required_name(std::string_view key) { return checked_name(key, required_string(key)); }

    std::string checked_name(std::string_view key, const std::string& text) {
        if (auto invisible = first_invisible_character(text)) {
            problem(key,
                    fmt::format("{} holds an invisible or control character ({}); remove it, a name must look like "
                                "what it matches",
                                excerpt_in_quotes(text), *invisible));
            return {};
        }
        std::string name = to_nfc(text);
        if (m_context.warn && *m_context.warn && mixes_confusable_scripts(name)) {
            (*m_context.warn)(
                fmt::format("{}: {}.{}: {} mixes scripts whose letters look alike (for example a Cyrillic "
                            "letter in a Latin word); check that it is typed as meant",
                            m_context.source, m_path, key, excerpt_in_quotes(name)));
        }
        return name;
    }

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
        const json::value* value = find(key);
        if (!value) {
            return ids;
        }
        if (!value->is_array()) {
            problem(key, fmt::format("expected an array of ids, found {}", describe(*value)));
            return {};
        }
        std::size_t index = 0;
        for (const json::value& item : value->get_array()) {
            const std::string where = fmt::format("{}[{}]", key, index++);
            if (!item.is_string() || !is_slug(item.get_string())) {
                problem(where, "expected an id (lowercase letters, digits, - _ . :)");
                continue;
            }
            ids.emplace_back(std::string(item.get_string()));
        }
        return ids;
    }

    std::optional<Date> optional_date(std::string_view key) {
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

    Date required_date(std::string_view key) {
        if (!find(key)) {
            problem(key, "is required and missing (YYYY-MM-DD)");
            return {};
        }
        return optional_date(key).value_or(Date{});
    }

    std::optional<double> optional_number(std::string_view key, double min, double max) {
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

    std::optional<bool> optional_bool(std::string_view key) {
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

    std::optional<std::int64_t> optional_integer(std::string_view key, std::int64_t min, std::int64_t max) {
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
            problem(key,
                    fmt::format("expected a whole number in [{}, {}], found {}", min, max, json::serialize(*value)));
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

    std::int64_t required_integer(std::string_view key, std::int64_t min, std::int64_t max) {
        if (!find(key)) {
            problem(key, "is required and missing");
            return {};
        }
        return optional_integer(key, min, max).value_or(min);
    }

    std::vector<Name> aliases(std::string_view key) {
        std::vector<Name> names;
        const json::value* value = find(key);
        if (!value) {
            return names;
        }
        if (!value->is_object()) {
            problem(key, "expected an object from language tag to a list of names, like {\"nl\": [\"Nederland\"]}");
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

    /// {"en": "dialogue", "nl": "dialoog"}: one label per language (a scale's pole).
    std::vector<Name> labels(std::string_view key) {
        std::vector<Name> names;
        const json::value* value = find(key);
        if (!value) {
            problem(key, "is required: an object from language tag to label, like {\"en\": \"cooperation\"}");
            return {};
        }
        if (!value->is_object() || value->get_object().empty()) {
            problem(key, "expected an object from language tag to label, like {\"en\": \"cooperation\"}");
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

    /// {"russia": -1}: the direction on each named scale, a number in [-1, 1].
    std::vector<Direction> directions(std::string_view key) {
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
            if (!is_slug(scale)) {
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

    void finish() {
        for (const auto& [key, value] : *m_object) {
            if (std::find(m_seen.begin(), m_seen.end(), std::string_view(key)) == m_seen.end()) {
                problem(key, "is not a known key here; see docs/dataset-format.md");
            }
        }
    }

private:
    void check_slug(std::string_view key, const std::string& text) {
        if (!is_slug(text)) {
            problem(key, fmt::format("{} is not a valid id: use 1-{} lowercase letters, digits, - _ . :",
                                     excerpt_in_quotes(text), max_slug_length));
        }
    }

    const json::object* m_object = nullptr;
    std::vector<std::string> m_seen;
    std::vector<std::string> m_reported;
    std::string m_path;
    const ReaderContext& m_context;
};

template <class Enum>
Enum parse_enum(ObjectReader& reader, std::string_view key, std::optional<Enum> (*parse)(std::string_view),
                std::string_view allowed, std::optional<Enum> fallback = std::nullopt) {
    const std::string text = reader.optional_string(key);
    if (text.empty()) {
        if (fallback) {
            return *fallback;
        }
        reader.problem(key, fmt::format("is required; one of {}", allowed));
        return {};
    }
    auto value = parse(text);
    if (!value) {
        reader.problem(key, fmt::format("{} is not one of {}", excerpt_in_quotes(text), allowed));
        return {};
    }
    return *value;
}

std::optional<ActorKind> actor_kind_of(std::string_view text) {
    return parse_actor_kind(text);
}
std::optional<PositionKind> position_of(std::string_view text) {
    return parse_position_kind(text);
}
std::optional<Breadth> breadth_of(std::string_view text) {
    return parse_breadth(text);
}
std::optional<Basis> basis_of(std::string_view text) {
    return parse_basis(text);
}

std::string read_file(const std::filesystem::path& file, const std::string& who_needs_it) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw invalid_input_error(who_needs_it,
                                  fmt::format("cannot read file {}: check that it exists", file.string()));
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

/// The text of a document given by "path": only a regular, non-empty UTF-8 file inside the folders
/// a dataset may read (a directory or /dev/null would import as an empty document, a fifo could
/// block for ever). A path outside them gets one message whatever the file is, and every message
/// quotes only the path as the dataset wrote it.
std::string read_document_text(ObjectReader& r, const detail::DocumentFolders& folders, const std::string& written) {
    const std::string shown = excerpt_in_quotes(written);
    const std::optional<detail::ConfinedPath> file = folders.resolve(written);
    if (!file) {
        r.fail("path", fmt::format("{} is outside the folders a dataset may read documents from (the dataset file's "
                                   "folder{}); put the document beside the dataset, or allow its folder with "
                                   "--allow-documents-under DIR",
                                   shown, folders.has_extra_roots() ? " and the allowed ones" : ""));
    }
    detail::ConfinedRead read = detail::read_confined(*file);
    switch (read.status) {
    case detail::ConfinedReadStatus::ok: break;
    case detail::ConfinedReadStatus::missing:
        r.fail("path", fmt::format("cannot read {}: no such file (a relative path is read from the dataset file's "
                                   "folder)",
                                   shown));
    case detail::ConfinedReadStatus::not_regular:
        r.fail("path", fmt::format("{} is not a regular file; point \"path\" at the document's text file", shown));
    case detail::ConfinedReadStatus::unreadable:
        r.fail("path", fmt::format("cannot read {}: check its permissions, and that no part of the path is a "
                                   "symbolic link changed while reading",
                                   shown));
    }
    if (read.bytes.empty()) {
        r.fail("path", fmt::format("{} is empty; a document needs its text", shown));
    }
    if (!is_valid_utf8(read.bytes)) {
        r.fail("path", fmt::format("{} is not valid UTF-8 text; convert it (iconv -t UTF-8) first", shown));
    }
    return std::move(read.bytes);
}

struct ParseContext {
    const std::string& source;
    detail::DocumentFolders folders;
    std::int64_t version = 1;
};

/// A document whose text the database does not hold (`"stored": false`, e.g. a UN vote table):
/// its path and hash are provenance, kept as written and never opened here, so an export restores
/// wherever the tables are now. Spans into it are checked by validate_dataset when it can be read.
void read_reference_only(ObjectReader& r, const Document& d, const ParseContext& context) {
    if (context.version < reference_documents_version) {
        r.problem("stored", fmt::format("needs format version {}; write \"stance_dataset\": {}",
                                        reference_documents_version, reference_documents_version));
    }
    if (!d.text.empty()) {
        r.problem("text", "a document with \"stored\": false has no text; drop one of them");
    }
    if (d.path.empty()) {
        r.problem("path", "is required when \"stored\" is false: it says where the text lives");
    }
    if (d.sha256.size() != 64 || d.sha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
        r.problem("sha256", "is required when \"stored\" is false: the 64 lowercase hex digits of the file's SHA-256");
    }
}

Document read_document(ObjectReader& r, const ParseContext& context) {
    Document d;
    d.id = r.required_id<DocumentId>("id");
    d.title = r.optional_string("title");
    d.language = r.optional_string("language");
    d.date = r.optional_date("date");
    d.author = r.optional_string("author");
    d.origin = r.optional_string("origin");
    d.sha256 = r.optional_string("sha256");
    d.text = r.optional_string("text");
    d.path = r.optional_string("path");
    if (r.optional_bool("stored") == false) {
        read_reference_only(r, d, context);
        return d;
    }
    if (d.text.empty() && d.path.empty()) {
        r.fail_here("a document needs \"text\" or \"path\"");
    }
    if (d.text.empty()) {
        d.text = read_document_text(r, context.folders, d.path);
    }
    const std::string actual = sha256_hex(d.text);
    if (!d.sha256.empty() && d.sha256 != actual) {
        // The real hash is not shown: it would tell what a file holds to someone who cannot read it.
        r.problem("sha256", "does not match the text: the source file changed or the hash is wrong (sha256sum gives "
                            "a file's hash)");
    }
    d.sha256 = actual;
    return d;
}

/// An ISO 3166-1 code: exactly `length` ASCII capital letters (checked as characters: "é" is two
/// bytes, not two letters).
bool is_iso_code(std::string_view code, std::size_t length) {
    return code.size() == length && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

Actor read_actor(ObjectReader& r) {
    Actor a;
    a.id = r.required_id<ActorId>("id");
    a.kind = parse_enum<ActorKind>(r, "kind", actor_kind_of, "state, organisation, group, person");
    a.name = r.required_name("name");
    a.iso2 = r.optional_string("iso2");
    a.iso3 = r.optional_string("iso3");
    if (!a.iso2.empty() && !is_iso_code(a.iso2, 2)) {
        r.problem("iso2", fmt::format("{} is not an ISO 3166-1 alpha-2 code (two capital letters A-Z)",
                                      excerpt_in_quotes(a.iso2)));
    }
    if (!a.iso3.empty() && !is_iso_code(a.iso3, 3)) {
        r.problem("iso3", fmt::format("{} is not an ISO 3166-1 alpha-3 code (three capital letters A-Z)",
                                      excerpt_in_quotes(a.iso3)));
    }
    a.aliases = r.aliases("aliases");
    return a;
}

Membership read_membership(ObjectReader& r) {
    Membership m;
    m.member = r.required_id<ActorId>("member");
    m.group = r.required_id<ActorId>("group");
    m.from = r.optional_date("from");
    m.to = r.optional_date("to");
    if (m.from && m.to && *m.to < *m.from) {
        r.problem("to", "is before \"from\"");
    }
    return m;
}

Role read_role(ObjectReader& r) {
    Role role;
    role.person = r.required_id<ActorId>("person");
    role.represents = r.required_id<ActorId>("represents");
    role.title = r.required_string("title");
    role.from = r.optional_date("from");
    role.to = r.optional_date("to");
    if (role.from && role.to && *role.to < *role.from) {
        r.problem("to", "is before \"from\"");
    }
    return role;
}

Topic read_topic(ObjectReader& r) {
    Topic t;
    t.id = r.required_id<TopicId>("id");
    t.label = r.required_name("label");
    t.parents = r.id_list<TopicId>("parents");
    if (auto single = r.optional_id<TopicId>("parent")) { // format 1 files before topics had several parents
        if (!t.parents.empty()) {
            r.problem("parent", "is given together with \"parents\"; list every parent in \"parents\"");
        }
        t.parents.push_back(std::move(*single));
    }
    t.aliases = r.aliases("aliases");
    if (r.find("scale")) {
        if (std::optional<ObjectReader> scale = r.child("scale")) {
            t.scale = Scale{scale->labels("minus"), scale->labels("plus")};
            scale->finish();
        }
    }
    t.directions = r.directions("directions");
    return t;
}

Proposition read_proposition(ObjectReader& r) {
    Proposition p;
    p.id = r.required_id<PropositionId>("id");
    p.topic = r.required_id<TopicId>("topic");
    p.statement = r.required_string("statement");
    p.directions = r.directions("directions");
    return p;
}

Body read_body(ObjectReader& r) {
    Body b;
    b.id = r.required_id<BodyId>("id");
    b.name = r.required_name("name");
    b.organisation = r.optional_id<ActorId>("organisation");
    b.aliases = r.aliases("aliases");
    return b;
}

Meeting read_meeting(ObjectReader& r) {
    Meeting m;
    m.id = r.required_id<MeetingId>("id");
    m.body = r.required_id<BodyId>("body");
    m.date = r.required_date("date");
    m.title = r.optional_string("title");
    m.level = r.optional_string("level");
    m.place = r.optional_string("place");
    m.parent = r.optional_id<MeetingId>("parent");
    m.end_date = r.optional_date("end_date");
    if (m.end_date && *m.end_date < m.date) {
        r.problem("end_date", fmt::format("{} is before the meeting's first day {}", m.end_date->iso(), m.date.iso()));
    }
    return m;
}

AgendaItem read_agenda_item(ObjectReader& r) {
    AgendaItem item;
    item.id = r.required_id<AgendaItemId>("id");
    item.meeting = r.required_id<MeetingId>("meeting");
    item.order = static_cast<int>(r.required_integer("order", 0, 1'000'000));
    item.title = r.required_string("title");
    item.code = r.optional_string("code");
    item.description = r.optional_string("description");
    item.topics = r.id_list<TopicId>("topics");
    if (r.find("roll_call")) {
        if (std::optional<ObjectReader> flags = r.child("roll_call")) {
            item.roll_call.important = flags->optional_bool("important");
            item.roll_call.amendment = flags->optional_bool("amendment");
            item.roll_call.paragraph = flags->optional_bool("paragraph");
            flags->finish();
        }
    }
    return item;
}

Participant read_participant(ObjectReader& r) {
    Participant p;
    p.meeting = r.required_id<MeetingId>("meeting");
    p.actor = r.required_id<ActorId>("actor");
    p.person = r.optional_id<ActorId>("person");
    p.role = r.optional_string("role");
    return p;
}

SourceSpan read_span(ObjectReader& r) {
    SourceSpan span;
    span.document = r.required_id<DocumentId>("document");
    constexpr std::int64_t max_offset = std::int64_t{1} << 40;
    span.start = static_cast<std::size_t>(r.required_integer("start", 0, max_offset));
    span.end = static_cast<std::size_t>(r.required_integer("end", 0, max_offset));
    if (span.end < span.start) {
        r.problem("end", fmt::format("{} is before start {}", span.end, span.start));
    }
    if (auto page = r.optional_integer("page", 1, 1'000'000)) {
        span.page = static_cast<int>(*page);
    }
    r.finish();
    return span;
}

Stance read_stance(ObjectReader& r) {
    Stance s;
    s.id = r.required_id<StanceId>("id");
    s.actor = r.required_id<ActorId>("actor");
    s.includes = r.id_list<ActorId>("includes");
    s.speaker = r.optional_id<ActorId>("speaker");
    s.topic = r.required_id<TopicId>("topic");
    s.proposition = r.optional_id<PropositionId>("proposition");
    s.meeting = r.required_id<MeetingId>("meeting");
    s.agenda_item = r.optional_id<AgendaItemId>("agenda_item");
    s.kind = parse_enum<PositionKind>(r, "position", position_of,
                                      "support, oppose, abstain, neutral, concern, conditional, no_position, absent, "
                                      "not_member");
    s.score = r.optional_number("score", -1.0, 1.0).value_or(default_score(s.kind));
    s.breadth = parse_enum<Breadth>(r, "breadth", breadth_of, "single, all, broad, many, some", Breadth::single);
    s.quote = r.optional_string("quote");
    s.paraphrase = r.optional_string("paraphrase");
    if (r.find("source")) {
        if (std::optional<ObjectReader> source = r.child("source")) {
            s.source = read_span(*source);
        }
    }
    s.reported_by = r.optional_id<ActorId>("reported_by");
    s.basis = parse_enum<Basis>(r, "basis", basis_of, "vote, statement, reported, inferred, recalled",
                                s.reported_by ? Basis::reported : Basis::statement);
    s.confidence = r.optional_number("confidence", 0.0, 1.0).value_or(1.0);
    s.coder = r.optional_string("coder");
    s.coded_at = r.optional_string("coded_at");
    s.stated_on = r.optional_date("stated_on");
    s.note = r.optional_string("note");
    return s;
}

/// Reads every entity of one list. When problems are collected, an entity with any is reported and
/// left out, and reading goes on with the next one.
template <class T, class ReadOne>
void read_list(ObjectReader& top, std::string_view key, std::vector<T>& out, ReadOne read_one,
               const ReaderContext& context) {
    const auto leave_out = [&](std::size_t index) {
        if (context.left_out && *context.left_out) {
            (*context.left_out)(key, index);
        }
    };
    const json::value* list = top.find(key);
    if (!list) {
        return;
    }
    if (!list->is_array()) {
        top.problem(key, fmt::format("expected an array, found {}", describe(*list)));
        return;
    }
    out.reserve(list->get_array().size());
    for (std::size_t index = 0; index < list->get_array().size(); ++index) {
        const std::size_t problems_before = context.problems ? context.problems->count : 0;
        try {
            ObjectReader reader(list->get_array()[index], fmt::format("$.{}[{}]", key, index), context);
            T entity = read_one(reader);
            reader.finish();
            if (!context.problems || context.problems->count == problems_before) {
                out.push_back(std::move(entity));
            } else {
                leave_out(index);
            }
        } catch (const invalid_input_error& failure) {
            if (!context.problems) {
                throw;
            }
            // A problem after which the entity cannot be read further (not an object, a document
            // that cannot be read): the entity's first, and the reading goes on with the next.
            ++context.problems->count;
            (*context.problems->report)(failure);
            leave_out(index);
        }
    }
}

std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column; // count characters, not UTF-8 continuation bytes
        }
    }
    return {line, column};
}

json::value parse_json(std::string_view text, const std::string& source) {
    // Editors on Windows start UTF-8 files with a byte order mark. It is not JSON, but it says
    // nothing wrong about the data either, so it is skipped rather than refused.
    constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
    if (text.starts_with(byte_order_mark)) {
        text.remove_prefix(byte_order_mark.size());
    }
    json::parse_options options;
    options.max_depth = 64; // datasets nest five levels; anything deep is hostile or broken
    json::stream_parser parser(json::storage_ptr(), options);
    json::error_code ec;
    const std::size_t consumed = parser.write_some(text.data(), text.size(), ec);
    if (!ec) {
        parser.finish(ec);
    }
    if (ec) {
        std::size_t offset = std::min(consumed, text.size());
        std::string what = fmt::format("malformed JSON: {}", ec.message());
        // Boost.JSON calls a bad byte a syntax error; say what it is and how to fix the file.
        if (auto bad = first_invalid_utf8(text); bad && *bad <= offset) {
            offset = *bad;
            what = fmt::format("malformed JSON: byte 0x{:02X} is not valid UTF-8; save the file as UTF-8 (for "
                               "example iconv -f LATIN1 -t UTF-8)",
                               static_cast<unsigned char>(text[offset]));
        }
        auto [line, column] = line_and_column(text, offset);
        throw invalid_input_error(fmt::format("{}:{}:{}", source, line, column), what);
    }
    if (auto duplicate = detail::first_duplicate_key(text)) {
        throw invalid_input_error(fmt::format("{}: {}", source, *duplicate),
                                  "appears twice in one object, and only one can be meant; keep one (for a list, "
                                  "merge the two)");
    }
    return parser.release();
}

} // namespace

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
        out += c;
    }
    return out;
}

Dataset parse_dataset(std::string_view text, const std::string& source_name,
                      const std::filesystem::path& base_directory, const DatasetReadOptions& options) {
    const json::value root = parse_json(text, source_name);
    // The format version decides how everything else is read: a problem with it always stops.
    const ReaderContext strict{source_name};
    ObjectReader header(root, "$", strict);
    if (!header.find("stance_dataset")) {
        header.fail_here("is not a stance dataset: the key \"stance_dataset\" (format version) is missing");
    }
    const std::int64_t version = header.required_integer("stance_dataset", 1, 1'000'000);
    if (version > supported_format_version) {
        header.fail("stance_dataset", fmt::format("format version {} is newer than this stance reads ({}); upgrade "
                                                  "stance",
                                                  version, supported_format_version));
    }
    ProblemSink problems{&options.on_problem};
    const ReaderContext reader_context{source_name, &options.on_warning, options.on_problem ? &problems : nullptr,
                                       &options.on_left_out};
    ObjectReader top(root, "$", reader_context);
    (void)top.find("stance_dataset");
    const ParseContext context{source_name, detail::DocumentFolders(base_directory, options.allowed_document_roots),
                               version};
    Dataset dataset;
    read_list(
        top, "documents", dataset.documents, [&](ObjectReader& r) { return read_document(r, context); },
        reader_context);
    read_list(top, "actors", dataset.actors, read_actor, reader_context);
    read_list(top, "memberships", dataset.memberships, read_membership, reader_context);
    read_list(top, "roles", dataset.roles, read_role, reader_context);
    read_list(top, "topics", dataset.topics, read_topic, reader_context);
    read_list(top, "propositions", dataset.propositions, read_proposition, reader_context);
    read_list(top, "bodies", dataset.bodies, read_body, reader_context);
    read_list(top, "meetings", dataset.meetings, read_meeting, reader_context);
    read_list(top, "agenda_items", dataset.agenda_items, read_agenda_item, reader_context);
    read_list(top, "participants", dataset.participants, read_participant, reader_context);
    read_list(top, "stances", dataset.stances, read_stance, reader_context);
    top.finish();
    return dataset;
}

Dataset read_dataset_file(const std::filesystem::path& file, const DatasetReadOptions& options) {
    std::error_code ec;
    if (const auto status = std::filesystem::status(file, ec);
        std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        // A directory would read as nothing, and a device such as /dev/zero would never end.
        throw invalid_input_error(file.string(), "is not a regular file; pass a dataset file (.json)");
    }
    const std::string text = read_file(file, file.string());
    return parse_dataset(text, file.string(), file.parent_path(), options);
}

} // namespace stance
