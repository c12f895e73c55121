// The vote tables' countries as actors; see vote_actors.hpp.
#include "unga/vote_actors.hpp"

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/unga/import.hpp"

namespace stance::unga {

void check_name_fits(const std::string& where, std::string_view country, std::string_view code, const Date& date,
                     const Actor& actor) {
    if (code.empty() || unga_country_name_fits(country, code, date)) {
        return;
    }
    throw invalid_input_error(where, fmt::format("the country name \"{}\" does not name the country with code {} "
                                                 "({}); the code decides whose vote a row is, so fix the name or the "
                                                 "code",
                                                 country, code, actor.name));
}

std::size_t VoteActors::index(const CsvReader& reader, const CsvRecord& record, std::string_view country,
                              std::string_view code, const Date& date, std::size_t code_column) {
    // Only "YU" depends on the date, so the cache key needs the period for it alone. The key's
    // buffer is reused: this runs for every vote, and almost always finds the actor.
    std::string& key = m_key;
    key.assign(country);
    key += '\x1f';
    key += code;
    if (code == "YU") {
        key += date < Date{2000, 11, 1} ? "\x1f<2000" : "\x1f>=2000";
    }
    if (auto found = m_by_key.find(key); found != m_by_key.end()) {
        return found->second;
    }
    std::optional<Actor> actor = unga_country_actor(country, code, date);
    if (!actor) {
        throw invalid_input_error(
            reader.where(record, code_column),
            code.empty()
                ? fmt::format("\"{}\" has no country code and is not one of the states stance maps by name (Federal "
                              "Republic of Germany, Yemen Arab Republic, Zanzibar); give its ISO 3166-1 alpha-2 code",
                              country)
                : fmt::format("country code \"{}\" (\"{}\") is neither a current ISO 3166-1 alpha-2 code nor a "
                              "withdrawn one stance knows (DD, YD, CS, YU; see docs/unga.md); fix the code",
                              code, country));
    }
    check_name_fits(reader.where(record, code_column), country, code, date, *actor);
    std::size_t index = 0;
    if (auto known = m_by_id.find(actor->id.str()); known != m_by_id.end()) {
        index = known->second;
    } else {
        index = m_ids.size();
        m_ids.push_back(actor->id);
        m_by_id.emplace(actor->id.str(), index);
    }
    m_session.put(*actor); // also for a second name of the same actor: the store merges aliases
    m_by_key.emplace(key, index);
    return index;
}

void VoteActors::remove_contradicting_aliases(const Store& store) {
    for (const Actor& stored : store.actors()) {
        if (!m_by_id.contains(stored.id.str())) {
            continue;
        }
        for (const Name& alias : stored.aliases) {
            if (unga_alias_names_another_country(stored.id, alias.text)) {
                m_session.remove(ActorAlias{stored.id, alias});
            }
        }
    }
}

} // namespace stance::unga
