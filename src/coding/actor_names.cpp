// Building the name index of known actors (see actor_names.hpp).
#include "coding/actor_names.hpp"

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

} // namespace

ActorNames::ActorNames(const Dataset& known, const Lexicon& lexicon, const std::optional<Date>& date)
    : m_represents(representation(known.roles, date)) {
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
