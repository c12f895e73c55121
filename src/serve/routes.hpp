// The routes of the JSON API (docs/http-api.md), registered on the HTTP server by area. Handlers
// read through a pooled read-only connection and write through the one writer (store_pool.hpp);
// anything they throw is answered as a JSON error (http_error.hpp).
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include <boost/json.hpp>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace stance::serve {

class StorePool;
struct Team;
struct Caller;

/// What every handler may use.
struct Api {
    StorePool& stores;
    Team* team = nullptr; ///< With --team: accounts, sessions, login attempts (team.hpp); else nothing.
    bool read_only = false;
    std::string author; ///< Who the history records as making the writes (--by, else the OS user).
    std::size_t max_body_bytes = 0;
    double requests_per_second = 0;
    double burst = 0;
};

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

/// `handler`, with every exception it throws answered as a JSON error.
[[nodiscard]] Handler answering_errors(Handler handler);

using ApiHandler = void (*)(const Api&, const httplib::Request&, httplib::Response&);
/// `handler` with `api` (which must outlive the server), answering its errors.
[[nodiscard]] Handler api_route(const Api& api, ApiHandler handler);

/// The maker of `request` (team.hpp): its session's coder with --team, else the --by user.
[[nodiscard]] Caller caller(const Api& api, const httplib::Request& request);

/// Sets `response` to `value` as JSON.
void send_json(httplib::Response& response, const boost::json::value& value, int status = 200);
/// Sets `response` to JSON text the library wrote.
void send_json_text(httplib::Response& response, const std::string& text, int status = 200);
void send_svg(httplib::Response& response, const std::string& svg);

void add_read_routes(httplib::Server& server, const Api& api);
void add_query_routes(httplib::Server& server, const Api& api);
/// One stance by id, the meetings, one meeting with its agenda.
void add_record_routes(httplib::Server& server, const Api& api);
/// Not called in read-only mode: then no write route exists.
void add_write_routes(httplib::Server& server, const Api& api);
/// Login, logout, the session, and the coder accounts' admin routes (--team only).
void add_team_routes(httplib::Server& server, const Api& api);
/// Reviews of stances (accept, reject), their state and a reviewer's queue (--team only; the
/// reading routes exist read-only too).
void add_review_routes(httplib::Server& server, const Api& api);
/// Adding and deleting documents.
void add_document_routes(httplib::Server& server, const Api& api);
/// The pages (assets.hpp) for every other GET; registered last.
void add_asset_routes(httplib::Server& server);

} // namespace stance::serve
