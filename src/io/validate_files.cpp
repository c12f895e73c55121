#include "stance/io/validate_files.hpp"

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

/// Splits "where: what" as invalid_input_error builds it, so each problem keeps both parts.
void add_failure(Diagnostics& diagnostics, const std::string& where, const invalid_input_error& failure) {
    std::string what = failure.what();
    const std::string prefix = failure.where().empty() ? std::string{} : failure.where() + ": ";
    if (!prefix.empty() && what.starts_with(prefix)) {
        what.erase(0, prefix.size());
    }
    diagnostics.add(failure.where().empty() ? where : fmt::format("{} ({})", where, failure.where()), what);
}

/// Puts each entity of one list, collecting the write rules' refusals. False when the session can
/// take no more (a write failed half-way), so the caller stops.
template <class T>
bool put_each(ImportSession& session, const std::vector<T>& entities, std::string_view list, const std::string& file,
              Diagnostics& diagnostics) {
    for (std::size_t i = 0; i < entities.size(); ++i) {
        try {
            session.put(entities[i]);
        } catch (const invalid_input_error& failure) {
            add_failure(diagnostics, fmt::format("{}: $.{}[{}]", file, list, i), failure);
        } catch (const storage_error& failure) {
            diagnostics.add(fmt::format("{}: $.{}[{}]", file, list, i), failure.what());
            return false;
        }
    }
    return true;
}

bool put_checked(ImportSession& session, const Dataset& d, const std::string& file, Diagnostics& diagnostics) {
    // Topics and meetings are in parents-first order here, so their indexes are not the file's:
    // their problems name the entity, which the message also does.
    return put_each(session, d.documents, "documents", file, diagnostics) &&
           put_each(session, d.actors, "actors", file, diagnostics) &&
           put_each(session, d.memberships, "memberships", file, diagnostics) &&
           put_each(session, d.roles, "roles", file, diagnostics) &&
           put_each(session, d.topics, "topics (parents first)", file, diagnostics) &&
           put_each(session, d.propositions, "propositions", file, diagnostics) &&
           put_each(session, d.bodies, "bodies", file, diagnostics) &&
           put_each(session, d.meetings, "meetings (parents first)", file, diagnostics) &&
           put_each(session, d.agenda_items, "agenda_items", file, diagnostics) &&
           put_each(session, d.participants, "participants", file, diagnostics) &&
           put_each(session, d.stances, "stances", file, diagnostics);
}

} // namespace

Diagnostics check_dataset_files(Store& store, const std::vector<std::filesystem::path>& files) {
    Diagnostics diagnostics;
    auto session = store.begin_import(); // never committed: destroying it rolls everything back
    for (const std::filesystem::path& file : files) {
        Dataset dataset;
        try {
            dataset = read_dataset_file(file);
            validate_dataset(dataset, file.string(), &store);
        } catch (const invalid_input_error& failure) {
            add_failure(diagnostics, file.string(), failure);
            continue;
        }
        if (!put_checked(*session, dataset, file.string(), diagnostics)) {
            break;
        }
    }
    return diagnostics;
}

} // namespace stance
