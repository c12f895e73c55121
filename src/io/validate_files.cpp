#include "stance/io/validate_files.hpp"

#include <functional>
#include <map>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

/// Splits "where: what" as invalid_input_error builds it, so each problem keeps both parts. A
/// failure that names its place in the file already ("f.json: $.stances[2].score") keeps that alone.
void add_failure(Diagnostics& diagnostics, const std::string& where, const invalid_input_error& failure) {
    std::string what = failure.what();
    const std::string prefix = failure.where().empty() ? std::string{} : failure.where() + ": ";
    if (!prefix.empty() && what.starts_with(prefix)) {
        what.erase(0, prefix.size());
    }
    if (failure.where().empty()) {
        diagnostics.add(where, what);
    } else if (failure.where().starts_with(where)) {
        diagnostics.add(failure.where(), what);
    } else {
        diagnostics.add(fmt::format("{} ({})", where, failure.where()), what);
    }
}

/// Where the entities that were read sit in their file: each one left out for a problem with its
/// shape moves the ones after it up by one in the list that was read.
class FilePlaces {
public:
    void left_out(std::string_view list, std::size_t index) { m_left_out[std::string(list)].push_back(index); }

    [[nodiscard]] std::size_t in_file(const std::string& list, std::size_t read_index) const {
        std::size_t index = read_index;
        if (const auto found = m_left_out.find(list); found != m_left_out.end()) {
            for (std::size_t gap : found->second) { // ascending, as the reader went
                if (gap > index) {
                    break;
                }
                ++index;
            }
        }
        return index;
    }

private:
    std::map<std::string, std::vector<std::size_t>, std::less<>> m_left_out;
};

/// One file's check: where its problems go, and where its entities came from.
struct FileCheck {
    const std::string& file;
    const FilePlaces& places;
    Diagnostics& diagnostics;
};

/// Puts each entity of one list, collecting the write rules' refusals. False when the session can
/// take no more (a write failed half-way), so the caller stops. `list` is the file's list name;
/// `shown` overrides it in messages where the order is not the file's.
template <class T>
bool put_each(ImportSession& session, const std::vector<T>& entities, const std::string& list, const FileCheck& check,
              std::string_view shown = {}) {
    for (std::size_t i = 0; i < entities.size(); ++i) {
        const std::string where = shown.empty()
                                      ? fmt::format("{}: $.{}[{}]", check.file, list, check.places.in_file(list, i))
                                      : fmt::format("{}: $.{}[{}]", check.file, shown, i);
        try {
            session.put(entities[i]);
        } catch (const invalid_input_error& failure) {
            add_failure(check.diagnostics, where, failure);
        } catch (const storage_error& failure) {
            check.diagnostics.add(where, failure.what());
            return false;
        }
    }
    return true;
}

bool put_checked(ImportSession& session, const Dataset& d, const FileCheck& check) {
    // Topics and meetings are in parents-first order here, so their indexes are not the file's:
    // their problems name the entity, which the message also does.
    return put_each(session, d.documents, "documents", check) && put_each(session, d.actors, "actors", check) &&
           put_each(session, d.memberships, "memberships", check) && put_each(session, d.roles, "roles", check) &&
           put_each(session, d.topics, "topics", check, "topics (parents first)") &&
           put_each(session, d.propositions, "propositions", check) && put_each(session, d.bodies, "bodies", check) &&
           put_each(session, d.meetings, "meetings", check, "meetings (parents first)") &&
           put_each(session, d.agenda_items, "agenda_items", check) &&
           put_each(session, d.participants, "participants", check) && put_each(session, d.stances, "stances", check);
}

} // namespace

Diagnostics check_dataset_files(Store& store, const std::vector<std::filesystem::path>& files) {
    Diagnostics diagnostics;
    auto session = store.begin_import(); // never committed: destroying it rolls everything back
    for (const std::filesystem::path& file : files) {
        const std::string name = file.string();
        Dataset dataset;
        FilePlaces places;
        DatasetReadOptions options;
        options.on_problem = [&](const invalid_input_error& problem) { add_failure(diagnostics, name, problem); };
        options.on_left_out = [&](std::string_view list, std::size_t index) { places.left_out(list, index); };
        try {
            dataset = read_dataset_file(file, options); // the entities without a problem of shape
            validate_dataset(dataset, name, &store);
        } catch (const invalid_input_error& failure) {
            add_failure(diagnostics, name, failure);
            continue;
        }
        if (!put_checked(*session, dataset, FileCheck{name, places, diagnostics})) {
            break;
        }
    }
    return diagnostics;
}

} // namespace stance
