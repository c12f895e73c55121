// The countries of the vote tables as actors: each row's country name and code mapped to an actor
// once (unga/import.hpp's rules) and given a small index, so that the per-vote bookkeeping is a
// vector, not a map of strings; each actor written to the import once per name it appears under.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "stance/io/csv.hpp"
#include "stance/model/actor.hpp"
#include "stance/model/date.hpp"
#include "stance/store/store.hpp"

namespace stance::unga {

/// Refuses a row whose country name is not a name of the country its code stands for; `where` is
/// the field's place for the error.
void check_name_fits(const std::string& where, std::string_view country, std::string_view code, const Date& date,
                     const Actor& actor);

class VoteActors {
public:
    explicit VoteActors(ImportSession& session) : m_session(session) {}

    /// The index of the actor that `country` with `code` stands for on `date`, written to the session
    /// when first seen under this name. Throws invalid_input_error at field `code_column` of `record`
    /// for a country stance cannot map or whose name contradicts its code.
    std::size_t index(const CsvReader& reader, const CsvRecord& record, std::string_view country, std::string_view code,
                      const Date& date, std::size_t code_column);

    [[nodiscard]] const ActorId& id(std::size_t index) const { return m_ids[index]; }
    [[nodiscard]] std::size_t size() const noexcept { return m_ids.size(); }

    /// Removes from the imported states the aliases that name another country (unga/import.hpp:
    /// what older versions of the importer added); `store` reads inside the session.
    void remove_contradicting_aliases(const Store& store);

private:
    ImportSession& m_session;
    std::unordered_map<std::string, std::size_t> m_by_key; // country + code (+ period) → index
    std::string m_key;                                     // the key being looked up
    std::unordered_map<std::string, std::size_t> m_by_id;
    std::vector<ActorId> m_ids;
};

} // namespace stance::unga
