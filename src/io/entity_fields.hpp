// One description per entity of the dataset format (docs/dataset-format.md): its JSON keys in the
// canonical order, the member each holds, whether it is required, optional or defaulted, and the
// range of a number. The JSON reader (entity_reader.hpp), the writer (entity_writer.hpp) and the
// entity parts of query JSON all walk these tables, so a key cannot be spelled two ways and
// export → import gives back what was exported by construction. Enum values come from the enum's
// name table (model/enum_names.hpp). What a table cannot say (a check across two fields, a
// document's text read from a file) lives beside the reader and writer, named after the entity.
// Internal.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "stance/model/dataset.hpp"
#include "stance/model/suggestion.hpp"

namespace stance::detail {

enum class Presence : std::uint8_t {
    required,  ///< Must be given; always written.
    optional,  ///< May be missing, and is empty then; written only when not empty.
    defaulted, ///< Missing means the default; written only when it differs from it.
    shown,     ///< Missing means the default; always written (a score, which every reader wants to see).
};

/// What a value must be beyond its JSON type.
enum class Check : std::uint8_t {
    none,
    name,   ///< A name people read and match: NFC, no invisible characters.
    iso2,   ///< An ISO 3166-1 alpha-2 code.
    iso3,   ///< An ISO 3166-1 alpha-3 code.
    labels, ///< One label per language (a scale's pole), not a list of names.
};

/// One key of an entity's JSON object and the member it holds.
template <class Entity, class Member> struct Field {
    std::string_view key;
    Member Entity::*member;
    Presence presence = Presence::optional;
    Check check = Check::none;
    double low = 0.0; ///< Numbers: the allowed range.
    double high = 0.0;
    /// Defaulted and shown fields: the value a missing key means, given the fields read before it.
    Member (*fallback)(const Entity&) = nullptr;
};

template <class Entity, class Member>
constexpr Field<Entity, Member> required(std::string_view key, Member Entity::*member, Check check = Check::none) {
    return {key, member, Presence::required, check};
}
template <class Entity, class Member>
constexpr Field<Entity, Member> optional(std::string_view key, Member Entity::*member, Check check = Check::none) {
    return {key, member, Presence::optional, check};
}
template <class Entity, class Member>
constexpr Field<Entity, Member> ranged(std::string_view key, Member Entity::*member, Presence presence, double low,
                                       double high, Member (*fallback)(const Entity&) = nullptr) {
    return {key, member, presence, Check::none, low, high, fallback};
}
template <class Entity, class Member>
constexpr Field<Entity, Member> defaulted(std::string_view key, Member Entity::*member,
                                          Member (*fallback)(const Entity&)) {
    return {key, member, Presence::defaulted, Check::none, 0.0, 0.0, fallback};
}

/// Byte offsets into a document: large enough for any text, small enough to stay exact in a double.
inline constexpr auto max_offset = static_cast<double>(std::int64_t{1} << 40);

// The tables, one per entity, in the order the keys are written. A Document's "text", "path" and
// "stored" follow its table (document_json.hpp): which of them is written depends on whether the
// text is stored.

constexpr auto fields(std::type_identity<Document>) {
    return std::tuple{
        required("id", &Document::id),
        optional("title", &Document::title),
        optional("language", &Document::language),
        optional("date", &Document::date),
        optional("author", &Document::author),
        optional("origin", &Document::origin),
        optional("sha256", &Document::sha256),
    };
}

constexpr auto fields(std::type_identity<Actor>) {
    return std::tuple{
        required("id", &Actor::id),
        required("kind", &Actor::kind),
        required("name", &Actor::name, Check::name),
        optional("iso2", &Actor::iso2, Check::iso2),
        optional("iso3", &Actor::iso3, Check::iso3),
        optional("aliases", &Actor::aliases, Check::name),
    };
}

constexpr auto fields(std::type_identity<Membership>) {
    return std::tuple{
        required("member", &Membership::member),
        required("group", &Membership::group),
        optional("from", &Membership::from),
        optional("to", &Membership::to),
    };
}

constexpr auto fields(std::type_identity<Role>) {
    return std::tuple{
        required("person", &Role::person), required("represents", &Role::represents),
        required("title", &Role::title),   optional("from", &Role::from),
        optional("to", &Role::to),
    };
}

constexpr auto fields(std::type_identity<Scale>) {
    return std::tuple{
        required("minus", &Scale::minus, Check::labels),
        required("plus", &Scale::plus, Check::labels),
    };
}

constexpr auto fields(std::type_identity<Topic>) {
    return std::tuple{
        required("id", &Topic::id),           required("label", &Topic::label, Check::name),
        optional("parents", &Topic::parents), optional("aliases", &Topic::aliases, Check::name),
        optional("scale", &Topic::scale),     optional("directions", &Topic::directions),
    };
}

constexpr auto fields(std::type_identity<Proposition>) {
    return std::tuple{
        required("id", &Proposition::id),
        required("topic", &Proposition::topic),
        required("statement", &Proposition::statement),
        optional("directions", &Proposition::directions),
    };
}

constexpr auto fields(std::type_identity<Body>) {
    return std::tuple{
        required("id", &Body::id),
        required("name", &Body::name, Check::name),
        optional("organisation", &Body::organisation),
        optional("aliases", &Body::aliases, Check::name),
    };
}

constexpr auto fields(std::type_identity<Meeting>) {
    return std::tuple{
        required("id", &Meeting::id),       required("body", &Meeting::body),
        required("date", &Meeting::date),   optional("end_date", &Meeting::end_date),
        optional("title", &Meeting::title), optional("level", &Meeting::level),
        optional("place", &Meeting::place), optional("parent", &Meeting::parent),
    };
}

constexpr auto fields(std::type_identity<RollCallFlags>) {
    return std::tuple{
        optional("important", &RollCallFlags::important),
        optional("amendment", &RollCallFlags::amendment),
        optional("paragraph", &RollCallFlags::paragraph),
    };
}

constexpr auto fields(std::type_identity<AgendaItem>) {
    return std::tuple{
        required("id", &AgendaItem::id),
        required("meeting", &AgendaItem::meeting),
        ranged("order", &AgendaItem::order, Presence::required, 0, 1'000'000),
        required("title", &AgendaItem::title),
        optional("code", &AgendaItem::code),
        optional("description", &AgendaItem::description),
        optional("topics", &AgendaItem::topics),
        optional("roll_call", &AgendaItem::roll_call),
    };
}

constexpr auto fields(std::type_identity<Participant>) {
    return std::tuple{
        required("meeting", &Participant::meeting),
        required("actor", &Participant::actor),
        optional("person", &Participant::person),
        optional("role", &Participant::role),
    };
}

constexpr auto fields(std::type_identity<SourceSpan>) {
    return std::tuple{
        required("document", &SourceSpan::document),
        ranged("start", &SourceSpan::start, Presence::required, 0, max_offset),
        ranged("end", &SourceSpan::end, Presence::required, 0, max_offset),
        ranged("page", &SourceSpan::page, Presence::optional, 1, 1'000'000),
    };
}

// What a stance's missing keys mean.
constexpr double score_of_kind(const Stance& s) {
    return default_score(s.kind);
}
constexpr Breadth single_actor(const Stance&) {
    return Breadth::single;
}
/// A stance with a reporter is, unless said otherwise, someone's account of it.
constexpr Basis basis_by_reporter(const Stance& s) {
    return s.reported_by ? Basis::reported : Basis::statement;
}
constexpr double full_confidence(const Stance&) {
    return 1.0;
}

constexpr auto fields(std::type_identity<Stance>) {
    return std::tuple{
        required("id", &Stance::id),
        required("actor", &Stance::actor),
        optional("includes", &Stance::includes),
        optional("speaker", &Stance::speaker),
        required("topic", &Stance::topic),
        optional("proposition", &Stance::proposition),
        required("meeting", &Stance::meeting),
        optional("agenda_item", &Stance::agenda_item),
        required("position", &Stance::kind),
        ranged("score", &Stance::score, Presence::shown, -1.0, 1.0, score_of_kind),
        defaulted("breadth", &Stance::breadth, single_actor),
        optional("quote", &Stance::quote),
        optional("paraphrase", &Stance::paraphrase),
        optional("source", &Stance::source),
        optional("reported_by", &Stance::reported_by),
        defaulted("basis", &Stance::basis, basis_by_reporter),
        ranged("confidence", &Stance::confidence, Presence::defaulted, 0.0, 1.0, full_confidence),
        optional("coder", &Stance::coder),
        optional("coded_at", &Stance::coded_at),
        optional("stated_on", &Stance::stated_on),
        optional("note", &Stance::note),
    };
}

// A suggestion always says how broad, on what basis and how confident its proposal is; these are
// what a record without the key (none is written so) would mean.
constexpr Breadth proposed_single(const Suggestion&) {
    return Breadth::single;
}
constexpr Basis proposed_statement(const Suggestion&) {
    return Basis::statement;
}
constexpr double no_confidence(const Suggestion&) {
    return 0.0;
}

/// Row ids: any a store gives, exact in a double.
inline constexpr double max_row_id = static_cast<double>(std::int64_t{1} << 53);

/// The history's records of a suggestion (docs/history.md) are its query form with "" for an id
/// that is not there, as they have always been: undo compares recorded states byte for byte.
constexpr auto fields(std::type_identity<Suggestion>) {
    return std::tuple{
        ranged("id", &Suggestion::id, Presence::required, 0, max_row_id),
        required("document", &Suggestion::document),
        ranged("start", &Suggestion::start, Presence::required, 0, max_offset),
        ranged("end", &Suggestion::end, Presence::required, 0, max_offset),
        required("actor", &Suggestion::actor),
        optional("speaker", &Suggestion::speaker),
        optional("topic", &Suggestion::topic),
        optional("proposition", &Suggestion::proposition),
        required("position", &Suggestion::kind),
        ranged("breadth", &Suggestion::breadth, Presence::shown, 0, 0, proposed_single),
        ranged("basis", &Suggestion::basis, Presence::shown, 0, 0, proposed_statement),
        optional("reported_by", &Suggestion::reported_by),
        ranged("confidence", &Suggestion::confidence, Presence::shown, 0.0, 1.0, no_confidence),
        optional("cues", &Suggestion::cues),
        optional("lexicon_sha256", &Suggestion::lexicon_sha256),
        optional("created_at", &Suggestion::created_at),
        required("status", &Suggestion::status),
        optional("stance", &Suggestion::stance),
        optional("reviewer", &Suggestion::reviewer),
        optional("reviewed_at", &Suggestion::reviewed_at),
        optional("reason", &Suggestion::reason),
    };
}

/// Calls `visit(field)` for every field of `Entity`, in order.
template <class Entity, class Visit> constexpr void for_each_field(Visit&& visit) {
    std::apply([&](const auto&... field) { (visit(field), ...); }, fields(std::type_identity<Entity>{}));
}

/// True for the types that have a table above (the nested objects included).
template <class T>
concept Described = requires {
    fields(std::type_identity<T>{});
};

} // namespace stance::detail
