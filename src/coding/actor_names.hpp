// Finding actors in a sentence by every name they have: names and aliases from the store or dataset
// (any language), adjectives, demonyms and capitals from the lexicon, and a person's surname. A
// person is resolved to whom they speak for, through their role at the document's date.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "coding/words.hpp"
#include "stance/coding/suggest.hpp"

namespace stance::detail {

struct ActorRef {
    ActorId actor;                 ///< The state or group that holds a position.
    std::optional<ActorId> person; ///< The person named, when it was a person.
    ActorKind kind = ActorKind::state;
};

struct ActorMention {
    std::size_t first_word = 0;
    std::size_t word_count = 0;
    ActorRef ref;
};

class ActorNames {
public:
    ActorNames(const Dataset& known, const Lexicon& lexicon, const std::optional<Date>& date);

    /// Every actor named in `words`, left to right (longest name first where names overlap).
    [[nodiscard]] std::vector<ActorMention> find(const std::vector<Word>& words) const;

    /// The actor (a person resolved to whom they speak for) of an id.
    [[nodiscard]] std::optional<ActorRef> ref(const ActorId& id) const;

    /// The group of an organisation's members ("NATO Allies" for NATO): a group actor whose name or
    /// alias begins with one of the organisation's names.
    [[nodiscard]] std::optional<ActorRef> members_of(const ActorId& organisation) const;

private:
    PhraseIndex<ActorId> m_names;
    std::map<std::string, ActorId> m_members; ///< organisation → group of its members.
    std::map<std::string, ActorKind> m_kinds;
    std::map<std::string, ActorId> m_represents; ///< person → state, by role at the date.
};

} // namespace stance::detail
