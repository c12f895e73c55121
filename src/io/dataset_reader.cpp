// The dataset reader: the format version first, then each list of entities, each entity read by
// its table (entity_reader.hpp) and documents with their text (document_reader.hpp).
#include <boost/json.hpp>
#include <fmt/format.h>

#include "io/document_reader.hpp"
#include "io/entity_reader.hpp"
#include "io/json_text.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"

namespace json = boost::json;

namespace stance {

using detail::DocumentContext;
using detail::DocumentFolders;
using detail::ObjectReader;
using detail::ProblemSink;
using detail::read_entity;
using detail::ReaderContext;

namespace {

constexpr std::int64_t supported_format_version = 2;

/// Reads every entity of one list. When problems are collected, an entity with any is reported and
/// left out, and reading goes on with the next one.
template <class T, class ReadOne>
void read_list(ObjectReader& top, std::string_view key, std::vector<T>& out, ReadOne read_one,
               const ReaderContext& context) {
    const auto leave_out = [&](std::size_t index) {
        if (context.left_out && *context.left_out) {
            (*context.left_out)(key, index);
        }
    };
    const json::value* list = top.find(key);
    if (!list) {
        return;
    }
    if (!list->is_array()) {
        top.problem(key, fmt::format("expected an array, found {}", detail::describe(*list)));
        return;
    }
    out.reserve(list->get_array().size());
    for (std::size_t index = 0; index < list->get_array().size(); ++index) {
        const std::size_t problems_before = context.problems ? context.problems->count : 0;
        try {
            ObjectReader reader(list->get_array()[index], fmt::format("$.{}[{}]", key, index), context);
            T entity = read_one(reader);
            reader.finish();
            if (!context.problems || context.problems->count == problems_before) {
                out.push_back(std::move(entity));
            } else {
                leave_out(index);
            }
        } catch (const invalid_input_error& failure) {
            if (!context.problems) {
                throw;
            }
            // A problem after which the entity cannot be read further (not an object, a document
            // that cannot be read): the entity's first, and the reading goes on with the next.
            ++context.problems->count;
            (*context.problems->report)(failure);
            leave_out(index);
        }
    }
}

} // namespace

Dataset parse_dataset(std::string_view text, const std::string& source_name,
                      const std::filesystem::path& base_directory, const DatasetReadOptions& options) {
    const json::value root = detail::parse_json(text, source_name);
    // The format version decides how everything else is read: a problem with it always stops.
    const ReaderContext strict{source_name};
    ObjectReader header(root, "$", strict);
    if (!header.find("stance_dataset")) {
        header.fail_here("is not a stance dataset: the key \"stance_dataset\" (format version) is missing");
    }
    const std::int64_t version = header.required_integer("stance_dataset", 1, 1'000'000);
    if (version > supported_format_version) {
        header.fail("stance_dataset", fmt::format("format version {} is newer than this stance reads ({}); upgrade "
                                                  "stance",
                                                  version, supported_format_version));
    }
    ProblemSink problems{&options.on_problem};
    const ReaderContext reader_context{source_name, &options.on_warning, options.on_problem ? &problems : nullptr,
                                       &options.on_left_out};
    ObjectReader top(root, "$", reader_context);
    (void)top.find("stance_dataset");
    const DocumentContext documents{DocumentFolders(base_directory, options.allowed_document_roots), version};
    Dataset dataset;
    read_list(
        top, "documents", dataset.documents, [&](ObjectReader& r) { return detail::read_document(r, documents); },
        reader_context);
    read_list(top, "actors", dataset.actors, read_entity<Actor>, reader_context);
    read_list(top, "memberships", dataset.memberships, read_entity<Membership>, reader_context);
    read_list(top, "roles", dataset.roles, read_entity<Role>, reader_context);
    read_list(top, "topics", dataset.topics, read_entity<Topic>, reader_context);
    read_list(top, "propositions", dataset.propositions, read_entity<Proposition>, reader_context);
    read_list(top, "bodies", dataset.bodies, read_entity<Body>, reader_context);
    read_list(top, "meetings", dataset.meetings, read_entity<Meeting>, reader_context);
    read_list(top, "agenda_items", dataset.agenda_items, read_entity<AgendaItem>, reader_context);
    read_list(top, "participants", dataset.participants, read_entity<Participant>, reader_context);
    read_list(top, "stances", dataset.stances, read_entity<Stance>, reader_context);
    top.finish();
    return dataset;
}

} // namespace stance
