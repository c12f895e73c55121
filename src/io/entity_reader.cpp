// The table-driven entity reader (entity_reader.hpp). Each member type has one way to be read; the
// messages it gives are the object reader's, so every entity words a problem with a key alike.
#include "io/entity_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "io/entity_traits.hpp"

namespace stance::detail {

namespace {

/// An ISO 3166-1 code: exactly `length` ASCII capital letters (checked as characters: "é" is two
/// bytes, not two letters).
bool is_iso_code(std::string_view code, std::size_t length) {
    return code.size() == length && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void check_code(ObjectReader& r, std::string_view key, Check check, const std::string& text) {
    if (text.empty()) {
        return;
    }
    if (check == Check::iso2 && !is_iso_code(text, 2)) {
        r.problem(key, fmt::format("{} is not an ISO 3166-1 alpha-2 code (two capital letters A-Z)",
                                   excerpt_in_quotes(text)));
    }
    if (check == Check::iso3 && !is_iso_code(text, 3)) {
        r.problem(key, fmt::format("{} is not an ISO 3166-1 alpha-3 code (three capital letters A-Z)",
                                   excerpt_in_quotes(text)));
    }
}

template <class Nested> Nested read_nested(ObjectReader& r, std::string_view key) {
    Nested nested{};
    if (r.find(key)) {
        if (std::optional<ObjectReader> child = r.child(key)) {
            read_fields(*child, nested);
            child->finish();
        }
    }
    return nested;
}

template <class Entity, class Member>
Member read_value(ObjectReader& r, const Field<Entity, Member>& f, const Entity& entity) {
    const bool required = f.presence == Presence::required;
    if constexpr (is_id<Member>) {
        return r.required_id<Member>(f.key);
    } else if constexpr (std::is_same_v<Member, std::string>) {
        if (required) {
            return f.check == Check::name ? r.required_name(f.key) : r.required_string(f.key);
        }
        std::string text = r.optional_string(f.key);
        check_code(r, f.key, f.check, text);
        return text;
    } else if constexpr (std::is_same_v<Member, Date>) {
        return r.required_date(f.key);
    } else if constexpr (std::is_enum_v<Member>) {
        const std::optional<Member> fallback = f.fallback ? std::optional{f.fallback(entity)} : std::nullopt;
        return r.enum_value<Member>(f.key, fallback);
    } else if constexpr (std::is_same_v<Member, double>) {
        return r.optional_number(f.key, f.low, f.high).value_or(f.fallback(entity));
    } else if constexpr (std::is_integral_v<Member>) {
        const auto low = static_cast<std::int64_t>(f.low);
        return static_cast<Member>(r.required_integer(f.key, low, static_cast<std::int64_t>(f.high)));
    } else if constexpr (std::is_same_v<Member, std::optional<int>>) {
        const auto number =
            r.optional_integer(f.key, static_cast<std::int64_t>(f.low), static_cast<std::int64_t>(f.high));
        return number ? std::optional<int>{static_cast<int>(*number)} : std::nullopt;
    } else if constexpr (std::is_same_v<Member, std::optional<bool>>) {
        return r.optional_bool(f.key);
    } else if constexpr (std::is_same_v<Member, std::optional<Date>>) {
        return r.optional_date(f.key);
    } else if constexpr (std::is_same_v<Member, std::vector<Name>>) {
        return f.check == Check::labels ? r.labels(f.key) : r.aliases(f.key);
    } else if constexpr (std::is_same_v<Member, std::vector<Direction>>) {
        return r.directions(f.key);
    } else if constexpr (std::is_same_v<Member, std::vector<std::string>>) {
        return r.string_list(f.key);
    } else if constexpr (is_vector<Member>) {
        return r.id_list<typename Member::value_type>(f.key);
    } else if constexpr (is_optional<Member>) {
        using Value = typename Member::value_type;
        if constexpr (is_id<Value>) {
            return r.optional_id<Value>(f.key);
        } else {
            return r.find(f.key) ? std::optional<Value>{read_nested<Value>(r, f.key)} : std::nullopt;
        }
    } else {
        return read_nested<Member>(r, f.key);
    }
}

// The checks across fields, after the table is read.
template <class Entity> void check_fields(ObjectReader&, Entity&) {}

template <class Dated> void check_period(ObjectReader& r, const Dated& dated) {
    if (dated.from && dated.to && *dated.to < *dated.from) {
        r.problem("to", "is before \"from\"");
    }
}
void check_fields(ObjectReader& r, Membership& m) {
    check_period(r, m);
}
void check_fields(ObjectReader& r, Role& role) {
    check_period(r, role);
}

void check_fields(ObjectReader& r, Meeting& m) {
    if (m.end_date && *m.end_date < m.date) {
        r.problem("end_date", fmt::format("{} is before the meeting's first day {}", m.end_date->iso(), m.date.iso()));
    }
}

void check_fields(ObjectReader& r, SourceSpan& span) {
    if (span.end < span.start) {
        r.problem("end", fmt::format("{} is before start {}", span.end, span.start));
    }
}

/// Format 1 files, from before topics had several parents, give one "parent"; it is read, never written.
void check_fields(ObjectReader& r, Topic& t) {
    if (auto single = r.optional_id<TopicId>("parent")) {
        if (!t.parents.empty()) {
            r.problem("parent", R"(is given together with "parents"; list every parent in "parents")");
        }
        t.parents.push_back(std::move(*single));
    }
}

} // namespace

template <Described Entity> void read_fields(ObjectReader& reader, Entity& entity) {
    for_each_field<Entity>([&](const auto& field) { entity.*field.member = read_value(reader, field, entity); });
    check_fields(reader, entity);
}

template void read_fields(ObjectReader&, Document&);
template void read_fields(ObjectReader&, Actor&);
template void read_fields(ObjectReader&, Membership&);
template void read_fields(ObjectReader&, Role&);
template void read_fields(ObjectReader&, Topic&);
template void read_fields(ObjectReader&, Proposition&);
template void read_fields(ObjectReader&, Body&);
template void read_fields(ObjectReader&, Meeting&);
template void read_fields(ObjectReader&, AgendaItem&);
template void read_fields(ObjectReader&, Participant&);
template void read_fields(ObjectReader&, Stance&);
template void read_fields(ObjectReader&, Suggestion&);

} // namespace stance::detail
