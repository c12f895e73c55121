// Building the name index of known actors (see actor_names.hpp).
#include "coding/actor_names.hpp"

#include <algorithm>

namespace stance::detail {

namespace {

/// The role in force at `date` (or, with no date, the latest), so a minister speaks for their state.
std::map<std::string, ActorId> representation(const std::vector<Role>& roles, const std::optional<Date>& date) {
    std::map<std::string, const Role*> chosen;
    for (const Role& role : roles) {
        if (date && !role.covers(*date)) {
            continue;
        }
        const Role*& slot = chosen[role.person.str()];
        if (!slot || (role.from && (!slot->from || *slot->from < *role.from))) {
            slot = &role;
        }
    }
    std::map<std::string, ActorId> out;
    for (const auto& [person, role] : chosen) {
        out.emplace(person, role->represents);
    }
    return out;
}

std::vector<std::vector<std::string>> folded_names(const Actor& actor) {
    std::vector<std::vector<std::string>> names;
    auto add = [&names](std::string_view text) {
        std::vector<std::string> folded;
        for (Word& word : words_of(text)) {
            folded.push_back(std::move(word.folded));
        }
        if (!folded.empty()) {
            names.push_back(std::move(folded));
        }
    };
    add(actor.name);
    for (const Name& alias : actor.aliases) {
        add(alias.text);
    }
    return names;
}

bool begins_with(const std::vector<std::string>& name, const std::vector<std::string>& prefix) {
    return name.size() > prefix.size() && std::equal(prefix.begin(), prefix.end(), name.begin());
}

/// organisation → the group whose name begins with the organisation's ("NATO" → "NATO Allies").
std::map<std::string, ActorId> member_groups(const std::vector<Actor>& actors) {
    std::map<std::string, ActorId> out;
    for (const Actor& organisation : actors) {
        if (organisation.kind != ActorKind::organisation) {
            continue;
        }
        const auto own = folded_names(organisation);
        for (const Actor& group : actors) {
            if (group.kind != ActorKind::group || out.contains(organisation.id.str())) {
                continue;
            }
            for (const auto& name : folded_names(group)) {
                if (std::any_of(own.begin(), own.end(),
                                [&](const auto& prefix) { return begins_with(name, prefix); })) {
                    out.emplace(organisation.id.str(), group.id);
                    break;
                }
            }
        }
    }
    return out;
}

} // namespace

std::optional<ActorRef> ActorNames::members_of(const ActorId& organisation) const {
    const auto found = m_members.find(organisation.str());
    return found == m_members.end() ? std::nullopt : ref(found->second);
}

ActorNames::ActorNames(const Dataset& known, const Lexicon& lexicon, const std::optional<Date>& date)
    : m_members(member_groups(known.actors)), m_represents(representation(known.roles, date)) {
    for (const Actor& actor : known.actors) {
        m_kinds[actor.id.str()] = actor.kind;
        m_names.add(actor.name, actor.id);
        for (const Name& alias : actor.aliases) {
            m_names.add(alias.text, actor.id);
        }
        if (actor.kind == ActorKind::person) {
            // Reports name people by surname ("Tillerson", "Klimkin") once introduced.
            const std::vector<Word> parts = words_of(actor.name);
            if (parts.size() > 1 && parts.back().folded.size() >= 4) {
                m_names.add(parts.back().raw, actor.id);
            }
        }
    }
    for (const ActorWord& word : lexicon.actor_words) {
        if (m_kinds.contains(word.actor.str())) {
            m_names.add(word.phrase, word.actor);
        }
    }
}

std::optional<ActorRef> ActorNames::ref(const ActorId& id) const {
    const auto kind = m_kinds.find(id.str());
    if (kind == m_kinds.end()) {
        return std::nullopt;
    }
    if (kind->second == ActorKind::person) {
        if (const auto state = m_represents.find(id.str()); state != m_represents.end()) {
            const auto state_kind = m_kinds.find(state->second.str());
            return ActorRef{state->second, id, state_kind == m_kinds.end() ? ActorKind::state : state_kind->second};
        }
    }
    return ActorRef{id, std::nullopt, kind->second};
}

std::vector<ActorMention> ActorNames::find(const std::vector<Word>& words) const {
    std::vector<ActorMention> mentions;
    for (const auto& [at, entry] : m_names.scan(words)) {
        if (auto resolved = ref(entry->value)) {
            mentions.push_back({at, entry->words.size(), *resolved});
        }
    }
    return mentions;
}

} // namespace stance::detail
