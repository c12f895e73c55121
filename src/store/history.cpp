// The backend-independent parts of the history: names of record kinds, keys, who and when, and
// deleting through a session. Undo is in undo.cpp; the SQLite tables in history_rows.cpp.
#include "stance/store/history.hpp"

#include <pwd.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdlib>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "stance/store/store.hpp"

namespace stance {

namespace {

constexpr std::array<std::string_view, 12> record_kind_names{"document",    "actor",       "membership", "role",
                                                             "topic",       "proposition", "body",       "meeting",
                                                             "agenda_item", "participant", "stance",     "suggestion"};

std::string date_part(const std::optional<Date>& date) {
    return date ? date->iso() : std::string{};
}

} // namespace

std::string_view to_string(RecordKind kind) noexcept {
    return record_kind_names.at(static_cast<std::size_t>(kind));
}

std::optional<RecordKind> parse_record_kind(std::string_view text) noexcept {
    for (std::size_t i = 0; i < record_kind_names.size(); ++i) {
        if (record_kind_names[i] == text) {
            return static_cast<RecordKind>(i);
        }
    }
    return std::nullopt;
}

std::vector<std::string> split_record_id(std::string_view id) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t slash = id.find('/', start);
        parts.emplace_back(id.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
        if (slash == std::string_view::npos) {
            return parts;
        }
        start = slash + 1;
    }
}

RecordKey record_key(const Document& document) {
    return {RecordKind::document, document.id.str()};
}
RecordKey record_key(const Actor& actor) {
    return {RecordKind::actor, actor.id.str()};
}
RecordKey record_key(const Membership& membership) {
    return {RecordKind::membership,
            fmt::format("{}/{}/{}", membership.member.str(), membership.group.str(), date_part(membership.from))};
}
RecordKey record_key(const Role& role) {
    return {RecordKind::role, fmt::format("{}/{}/{}", role.person.str(), role.represents.str(), date_part(role.from))};
}
RecordKey record_key(const Topic& topic) {
    return {RecordKind::topic, topic.id.str()};
}
RecordKey record_key(const Proposition& proposition) {
    return {RecordKind::proposition, proposition.id.str()};
}
RecordKey record_key(const Body& body) {
    return {RecordKind::body, body.id.str()};
}
RecordKey record_key(const Meeting& meeting) {
    return {RecordKind::meeting, meeting.id.str()};
}
RecordKey record_key(const AgendaItem& item) {
    return {RecordKind::agenda_item, item.id.str()};
}
RecordKey record_key(const Participant& participant) {
    return {RecordKind::participant, fmt::format("{}/{}/{}", participant.meeting.str(), participant.actor.str(),
                                                 participant.person ? participant.person->str() : "")};
}
RecordKey record_key(const Stance& stance) {
    return {RecordKind::stance, stance.id.str()};
}
RecordKey record_key(const Suggestion& suggestion) {
    return {RecordKind::suggestion, std::to_string(suggestion.id)};
}

std::string os_user_name() {
    if (const passwd* entry = getpwuid(geteuid()); entry != nullptr && entry->pw_name != nullptr) {
        return entry->pw_name;
    }
    if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') {
        return user;
    }
    return "unknown";
}

std::string utc_now() {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now);
}

std::int64_t delete_entity(Store& store, const RecordKey& key, ChangeNote note) {
    auto session = store.begin_import();
    if (note.action.empty()) {
        note.action = "delete";
    }
    session->note(note);
    session->remove(key);
    session->commit();
    return session->change_set_id();
}

} // namespace stance
