// Adding a document to code in, and deleting one (docs/http-api.md): the same checked write path
// as `stance add-document` (coding/add_document.hpp: UTF-8, NFC, no invisible characters, a stored
// text never replaced) and as `stance delete` (refused while stances point into it). The routes
// need add_documents and delete_documents; the history records the coder who did it.
#include <fmt/format.h>
#include <httplib.h>

#include "serve/api_json.hpp"
#include "serve/http_error.hpp"
#include "serve/json_body.hpp"
#include "serve/routes.hpp"
#include "serve/store_pool.hpp"
#include "serve/team.hpp"
#include "stance/coding/add_document.hpp"
#include "stance/error.hpp"
#include "stance/store/store.hpp"

namespace stance::serve {

namespace {

Document document_of(const boost::json::object& body) {
    Document document;
    document.id = DocumentId{string_field(body, "id").value_or("")};
    document.title = string_field(body, "title").value_or("");
    document.language = string_field(body, "language").value_or("");
    document.author = string_field(body, "author").value_or("");
    document.origin = string_field(body, "origin").value_or("");
    document.text = string_field(body, "text").value_or("");
    if (document.id.str().empty() || document.text.empty()) {
        throw request_error(400, R"(fields "id" and "text" are required: the document's id and its whole text)");
    }
    if (const std::optional<std::string> date = string_field(body, "date"); date && !date->empty()) {
        document.date = Date::parse(*date);
        if (!document.date) {
            throw request_error(400, fmt::format(R"(field "date": "{}" is not a date (YYYY-MM-DD))", *date));
        }
    }
    return document;
}

void add(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const Caller who = caller(api, request);
    require(who, Permission::add_documents, "to add documents");
    const Document document =
        document_of(json_object_body(request, {"id", "title", "language", "date", "author", "origin", "text"}));
    auto store = api.stores.writer(who.team ? who.name : std::string{});
    const DocumentAdded added = add_document(*store, document);
    const std::optional<Document> stored = store->document(document.id);
    send_json(response,
              boost::json::object{{"document", document_summary_json(stored.value_or(document))},
                                  {"added", added == DocumentAdded::added}},
              added == DocumentAdded::added ? 201 : 200);
}

void remove(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const Caller who = caller(api, request);
    require(who, Permission::delete_documents, "to delete documents");
    const RecordKey key{RecordKind::document, path_id(request, "document")};
    auto store = api.stores.writer(who.team ? who.name : std::string{});
    ChangeNote note;
    note.by = who.name;
    note.summary = fmt::format("deleted document \"{}\"", key.id);
    const std::int64_t change_set = delete_entity(*store, key, note);
    send_json(response, boost::json::object{{"deleted", boost::json::object{{"kind", "document"}, {"id", key.id}}},
                                            {"change_set", change_set}});
}

} // namespace

void add_document_routes(httplib::Server& server, const Api& api) {
    auto route = [&api](ApiHandler handler) { return api_route(api, handler); };
    server.Post("/api/documents", route(add));
    server.Delete("/api/documents/([^/]+)", route(remove));
}

} // namespace stance::serve
