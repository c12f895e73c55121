// stance._stance: the compiled half of the Python package (python/stance/ is the other). One class,
// Database, over the C++ facade (stance/database.hpp), and stance's errors as a small hierarchy of
// Python exceptions with the same messages. Query results travel as the library's own JSON
// (query/json.hpp, docs/queries.md), parsed into dicts and lists, so their field names are the
// documented ones; what has no JSON form is converted in values.cpp. docs/python.md.
#include <sstream>
#include <string>

#include <pybind11/functional.h>

#include "convert.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/network/write.hpp"
#include "stance/query/json.hpp"
#include "stance/version.hpp"

using namespace stance;
using namespace stance::python;

namespace {

template <class Entity> std::string json_array(const std::vector<Entity>& entities) {
    std::string json = "[";
    for (const Entity& entity : entities) {
        json += json.size() > 1 ? "," : "";
        json += entity_json(entity);
    }
    return json + "]";
}

std::string stances_json(StanceRange range) {
    std::string json = "[";
    for (const Stance& stance : range) {
        json += json.size() > 1 ? "," : "";
        json += entity_json(stance);
    }
    return json + "]";
}

/// The exception types, made once in the module and raised by the translator.
struct Exceptions {
    py::object error;
    py::object not_found;
    py::object invalid_input;
    py::object storage;
    py::object busy;
    py::object schema_version;
};

Exceptions& exceptions() {
    static Exceptions types;
    return types;
}

/// Raises `type` with `message`; `fill` sets the attributes a caller acts on.
template <class Fill> void raise(const py::object& type, const char* message, Fill fill) {
    py::object instance = type(message);
    fill(instance);
    PyErr_SetObject(type.ptr(), instance.ptr());
}

// NOLINTNEXTLINE(performance-unnecessary-value-param): pybind11's translator type takes it by value
void translate(std::exception_ptr thrown) {
    const Exceptions& types = exceptions();
    const auto nothing = [](py::object&) {};
    try {
        if (thrown) {
            std::rethrow_exception(thrown);
        }
    } catch (const not_found_error& failure) {
        raise(types.not_found, failure.what(),
              [&](py::object& e) { e.attr("candidates") = py::cast(failure.candidates()); });
    } catch (const invalid_input_error& failure) {
        raise(types.invalid_input, failure.what(), [&](py::object& e) { e.attr("where") = failure.where(); });
    } catch (const schema_version_error& failure) {
        raise(types.schema_version, failure.what(), [&](py::object& e) { e.attr("code") = failure.code(); });
    } catch (const busy_error& failure) {
        raise(types.busy, failure.what(), [&](py::object& e) { e.attr("code") = failure.code(); });
    } catch (const storage_error& failure) {
        raise(types.storage, failure.what(), [&](py::object& e) { e.attr("code") = failure.code(); });
    } catch (const error& failure) {
        raise(types.error, failure.what(), nothing);
    }
}

void define_exceptions(py::module_& module) {
    Exceptions& types = exceptions();
    const auto define = [&module](const char* name, const py::handle& base, const char* doc) {
        auto type = py::reinterpret_steal<py::object>(
            PyErr_NewExceptionWithDoc((std::string("stance.") + name).c_str(), doc, base.ptr(), nullptr));
        module.attr(name) = type;
        return type;
    };
    types.error = define("Error", PyExc_RuntimeError, "Everything stance raises (stance::error).");
    types.not_found = define("NotFoundError", types.error,
                             "A reference that names nothing or several things; .candidates holds the closest.");
    types.invalid_input = define("InvalidInputError", types.error, "Input that cannot be accepted; .where says where.");
    types.storage = define("StorageError", types.error, "The database could not be read or written; .code.");
    types.busy = define("BusyError", types.storage, "Another writer held the database past the retry bound.");
    types.schema_version = define("SchemaVersionError", types.storage, "The database was written by a newer stance.");
    py::register_exception_translator(&translate);
}

Database open_database(const std::string& path, bool read_only, const std::string& author) {
    OpenOptions options;
    options.read_only = read_only;
    options.author = author;
    return Database::open(path, options);
}

std::string network_text(const Network& network, const std::string& format) {
    const std::optional<NetworkFormat> parsed = parse_network_format(format);
    if (!parsed) {
        throw invalid_input_error("format", "\"" + format + "\" is not one of graphml, gexf, csv, csv-nodes");
    }
    std::ostringstream out;
    write_network(out, network, *parsed);
    return out.str();
}

void define_network(py::module_& module) {
    py::class_<Network>(module, "Network", "A network (stance/network/network.hpp); stance.Network wraps it.")
        .def("records", &network_dict)
        .def("text", &network_text, py::arg("format"));
}

void define_database(py::module_& module) {
    py::class_<Database>(module, "Database", "The C++ facade; stance.Database (python/stance) wraps it.")
        .def(py::init(&open_database), py::arg("path"), py::arg("read_only") = false, py::arg("author") = "")
        .def("refresh", &Database::refresh)
        .def("actor", [](const Database& db, const std::string& r) { return db.actor(r).str(); })
        .def("topic", [](const Database& db, const std::string& r) { return db.topic(r).str(); })
        .def("meeting", [](const Database& db, const std::string& r) { return db.meeting(r).str(); })
        .def("person", [](const Database& db, const std::string& r) { return db.person(r).str(); })
        .def("document", [](const Database& db, const std::string& r) { return db.document(r).str(); })
        .def("actors_json", [](const Database& db) { return json_array(db.actors()); })
        .def("topics_json", [](const Database& db) { return json_array(db.topics()); })
        .def("meetings_json", [](const Database& db) { return json_array(db.meetings()); })
        .def("documents_json", [](const Database& db) { return json_array(db.documents()); })
        .def("stances_json",
             [](const Database& db, const py::dict& o) { return stances_json(db.stances(stance_filter(db, o))); })
        .def("find_json",
             [](const Database& db, const std::string& id) -> std::optional<std::string> {
                 const std::optional<Stance> found = db.find(StanceId{id});
                 return found ? std::optional<std::string>{entity_json(*found)} : std::nullopt;
             })
        .def("evolution_json",
             [](const Database& db, const std::string& actor, const std::string& topic, const py::dict& o) {
                 return to_json(db.evolution(actor, topic, evolution_options(db, o)));
             })
        .def("snapshot_json", [](const Database& db, const std::string& meeting,
                                 const py::dict& o) { return to_json(db.snapshot(meeting, snapshot_options(db, o))); })
        .def("compare_json",
             [](const Database& db, const std::string& first, const std::string& second, const py::dict& o) {
                 return to_json(db.compare(first, second, compare_options(db, o)));
             })
        .def("search_json", [](const Database& db, const std::string& text,
                               const py::dict& o) { return stances_json(db.search(text, stance_filter(db, o))); })
        .def("summary",
             [](const Database& db, const py::dict& o) { return summary_dict(db.summary(stance_filter(db, o))); })
        .def("agreement_json",
             [](const Database& db, const std::string& first, const std::string& second, const py::dict& o) {
                 return to_json(db.agreement(first, second, agreement_options(db, o)));
             })
        .def("agreement_matrix_json",
             [](const Database& db, const std::string& meeting, const py::dict& o) {
                 return to_json(db.agreement_matrix(meeting, matrix_options(db, o)));
             })
        .def("agreement_matrices_json",
             [](const Database& db, const py::dict& o) {
                 std::vector<std::string> all;
                 db.agreement_matrices(matrices_options(db, o),
                                       [&all](const AgreementMatrix& matrix) { all.push_back(to_json(matrix)); });
                 return all;
             })
        .def("ideal_points_json",
             [](const Database& db, const py::dict& o) { return to_json(db.ideal_points(ideal_point_options(db, o))); })
        .def("statement_network",
             [](const Database& db, const py::dict& o) {
                 return db.statement_network(statement_network_options(db, o));
             })
        .def("vote_network",
             [](const Database& db, const py::dict& o) {
                 return db.vote_network(matrices_options(db, o), vote_network_options(o));
             })
        .def("import_file",
             [](Database& db, const std::string& file) {
                 const Dataset dataset = db.import_file(file);
                 py::dict counts;
                 counts["documents"] = dataset.documents.size();
                 counts["actors"] = dataset.actors.size();
                 counts["topics"] = dataset.topics.size();
                 counts["meetings"] = dataset.meetings.size();
                 counts["stances"] = dataset.stances.size();
                 return counts;
             })
        .def("import_unga",
             [](Database& db, const std::string& directory, const std::optional<std::string>& full_codes) {
                 UngaImportOptions options;
                 if (full_codes) {
                     options.full_codes_directory = *full_codes;
                 }
                 return unga_summary_dict(db.import_unga(directory, options));
             })
        .def("export_json",
             [](const Database& db, const py::dict& o) { return db.export_json(export_selection(db, o)); })
        .def("add_document",
             [](Database& db, const py::dict& fields) {
                 return db.add_document(document_of(fields)) == DocumentAdded::added ? "added" : "updated";
             })
        .def("code", [](Database& db, const py::dict& fields) { return coded_dict(db.code(stance_coding(fields))); })
        .def("code_csv",
             [](Database& db, const std::string& file, const py::dict& defaults) {
                 return csv_report_dict(db.code_csv(file, stance_coding(defaults)));
             })
        .def("edit",
             [](Database& db, const std::string& id, const py::dict& fields) {
                 return parsed_json(entity_json(db.edit(id, stance_edit(db, fields))));
             })
        .def("remove",
             [](Database& db, const std::string& kind, const std::string& id) {
                 const std::optional<RecordKind> parsed = parse_record_kind(kind);
                 if (!parsed) {
                     throw invalid_input_error("delete", "\"" + kind + "\" is not a kind of record (stance, actor, …)");
                 }
                 return db.remove(RecordKey{*parsed, id});
             })
        .def("undo", [](Database& db, std::int64_t change_set) { return db.undo(change_set); })
        .def("history",
             [](const Database& db, const py::dict& o) {
                 py::list all;
                 for (const ChangeSet& change_set : db.history(history_filter(o))) {
                     all.append(change_set_dict(change_set));
                 }
                 return all;
             })
        .def("suggest",
             [](const Database& db, const std::string& document, const std::string& lexicons, const py::dict& o) {
                 py::list all;
                 for (const Candidate& candidate : db.suggest(document, lexicons, suggest_options(db, o))) {
                     all.append(candidate_dict(candidate));
                 }
                 return all;
             })
        .def("store_suggestions",
             [](Database& db, const std::string& document, const std::string& lexicons, const py::dict& o) {
                 const StoredSuggestions stored = db.store_suggestions(document, lexicons, suggest_options(db, o));
                 py::dict out;
                 out["stored"] = stored.stored;
                 out["replaced"] = stored.replaced;
                 out["kept"] = stored.kept;
                 out["change_set"] = stored.change_set;
                 return out;
             })
        .def("suggestions",
             [](const Database& db, const py::dict& o) {
                 py::list all;
                 for (const Suggestion& suggestion : db.suggestions(suggestion_filter(db, o))) {
                     all.append(suggestion_dict(suggestion));
                 }
                 return all;
             })
        .def("accept_suggestion",
             [](Database& db, std::int64_t id, const py::dict& review) {
                 return parsed_json(entity_json(db.accept_suggestion(id, suggestion_review(db, review))));
             })
        .def("reject_suggestion", [](Database& db, std::int64_t id, const std::string& reason) {
            return suggestion_dict(db.reject_suggestion(id, reason));
        });
}

} // namespace

PYBIND11_MODULE(_stance, module) {
    module.doc() = "The compiled half of the stance package; import stance instead (docs/python.md).";
    module.attr("version") = std::string(stance::version);
    define_exceptions(module);
    define_network(module);
    define_database(module);
}
