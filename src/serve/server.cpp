#include "serve/server.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <iostream>

#include <fmt/format.h>
#include <httplib.h>

#include "serve/guard.hpp"
#include "serve/http_error.hpp"
#include "serve/routes.hpp"
#include "serve/store_pool.hpp"
#include "serve/team.hpp"
#include "serve/token.hpp"
#include "stance/error.hpp"

namespace stance::serve {

namespace {

// Sent with every response, errors included (docs/workbench.md says why each is there).
httplib::Headers security_headers() {
    return {
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
         "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
        {"Cross-Origin-Resource-Policy", "same-origin"},
        {"Cross-Origin-Opener-Policy", "same-origin"},
        {"Cache-Control", "no-store"},
    };
}

void check_options(const ServeOptions& options) {
    if (options.host.empty()) {
        throw invalid_input_error("--host", "the address is empty; give one such as 127.0.0.1");
    }
    if (options.port < 0 || options.port > 65535) {
        throw invalid_input_error(
            "--port", fmt::format("{} is not a port: give 1 to 65535, or 0 for any free one", options.port));
    }
    const bool visible_ascii =
        std::all_of(options.token.begin(), options.token.end(), [](char c) { return c > 0x20 && c < 0x7f; });
    if (!visible_ascii) {
        throw invalid_input_error("--token", "use letters, digits and punctuation only (it is sent in a header)");
    }
    if (options.team && !options.token.empty()) {
        throw invalid_input_error("--token", "a team server has no start-up token: its coders log in with their "
                                             "own accounts (leave --token out)");
    }
    if (!options.token.empty() && options.token.size() < 16) {
        throw invalid_input_error("--token", "too short to guard writes: give 16 characters or more, or leave it "
                                             "out for a random one");
    }
    if (options.threads == 0 || options.max_body_bytes == 0 || !(options.requests_per_second > 0)) {
        throw invalid_input_error("serve", "threads, body size and request rate must be positive");
    }
}

bool is_ipv6_literal(const std::string& host) {
    std::array<unsigned char, sizeof(in6_addr)> buffer{};
    return inet_pton(AF_INET6, host.c_str(), buffer.data()) == 1;
}

} // namespace

// The accounts, sessions and login bounds of a team server; nothing without --team.
std::unique_ptr<Team> team_of(const ServeOptions& options) {
    if (!options.team) {
        return nullptr;
    }
    LoginLimits limits{options.login_failures_per_name, options.login_failures_per_client, options.login_window};
    // The first opening migrates the database to the accounts' schema; the second only reads.
    std::unique_ptr<CoderDirectory> accounts = CoderDirectory::open(options.database, options.read_only);
    std::unique_ptr<CoderDirectory> passwords = CoderDirectory::open(options.database, true);
    return std::make_unique<Team>(std::move(accounts), std::move(passwords), options.session_idle,
                                  options.session_longest, limits);
}

struct Server::State {
    explicit State(ServeOptions given)
        : options(std::move(given)), stores(options.database, open_options(options)), team(team_of(options)),
          guard(options.host, options.token, options.read_only, options.requests_per_second, options.burst,
                team ? &team->sessions : nullptr),
          api{stores,
              team.get(),
              options.read_only,
              options.author,
              options.max_body_bytes,
              options.requests_per_second,
              options.burst} {}

    static OpenOptions open_options(const ServeOptions& options) {
        OpenOptions open;
        open.author = options.author;
        open.busy_timeout_ms = options.busy_timeout_ms;
        return open;
    }

    ServeOptions options;
    StorePool stores;
    std::unique_ptr<Team> team;
    RequestGuard guard;
    Api api;
    httplib::Server http;
    int port = -1;
};

Server::Server(ServeOptions options) {
    check_options(options);
    if (options.token.empty() && !options.read_only && !options.team) {
        options.token = random_token();
    }
    // Opened now (the coder accounts first: they migrate the database to their schema), so that a
    // wrong path or a newer schema is reported before anything listens.
    m_state = std::make_unique<State>(std::move(options));
    State& state = *m_state;
    if (state.options.read_only) {
        (void)state.stores.reader();
    } else {
        (void)state.stores.writer();
    }

    httplib::Server& http = state.http;
    const std::size_t threads = state.options.threads;
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http.set_payload_max_length(state.options.max_body_bytes);
    http.set_read_timeout(10); // a client that sends its request slowly holds a thread no longer
    http.set_write_timeout(60);
    http.set_keep_alive_timeout(2); // an idle kept-alive connection holds a thread: let it go soon
    http.set_keep_alive_max_count(100);
    http.set_default_headers(security_headers());
    http.set_pre_routing_handler([&state](const httplib::Request& request, httplib::Response& response) {
        if (const std::optional<Refusal> refusal = state.guard.check(request)) {
            if (refusal->status == 405) {
                response.set_header("Allow", "GET, HEAD");
            }
            // The HTTP library reads a request's body only after this handler, so a refused request's
            // body is still unread on the connection: kept alive, its next request would be parsed
            // from that body (and answered 400). The client closes it instead, as the header asks.
            response.set_header("Connection", "close");
            send_error(response, refusal->status, refusal->message);
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // Errors the HTTP library answers itself (413, an unknown route, a malformed request) get the
    // same JSON form as the API's own.
    http.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request& request, httplib::Response& response) {
            if (!response.body.empty()) {
                return httplib::Server::HandlerResponse::Unhandled;
            }
            if (response.status == 404) {
                send_error(response, 404, fmt::format("no route {} {}", request.method, request.path));
            } else {
                send_error(response, response.status, status_text(response.status));
            }
            return httplib::Server::HandlerResponse::Handled;
        }));
    http.set_exception_handler([](const httplib::Request&, httplib::Response& response,
                                  const std::exception_ptr& failure) { send_exception(response, failure); });

    add_read_routes(http, state.api);
    add_query_routes(http, state.api);
    if (state.team) {
        add_team_routes(http, state.api); // before the record routes: /api/stances/ID/reviews is more specific
        add_review_routes(http, state.api);
    }
    add_record_routes(http, state.api);
    if (!state.options.read_only) {
        add_write_routes(http, state.api);
        add_document_routes(http, state.api);
    }
    add_asset_routes(http);
}

Server::~Server() = default;

void Server::bind() {
    State& state = *m_state;
    const std::string& host = state.options.host;
    if (state.options.port == 0) {
        state.port = state.http.bind_to_any_port(host);
    } else {
        state.port = state.http.bind_to_port(host, state.options.port) ? state.options.port : -1;
    }
    if (state.port <= 0) {
        throw error(fmt::format("cannot listen on {}:{}: the port is in use, or the address is not one of this "
                                "machine's; choose another with --port (0: any free port) or --host",
                                host, state.options.port));
    }
    state.guard.set_port(state.port);
}

int Server::port() const noexcept {
    return m_state->port;
}

const std::string& Server::token() const noexcept {
    return m_state->options.token;
}

std::string Server::url() const {
    const std::string& host = m_state->options.host;
    return fmt::format("http://{}:{}/{}", is_ipv6_literal(host) ? "[" + host + "]" : host, m_state->port,
                       m_state->options.token.empty() ? "" : "?token=" + m_state->options.token);
}

void Server::run() {
    if (!m_state->http.listen_after_bind()) {
        throw error("the server stopped listening because of a socket error");
    }
}

void Server::stop() {
    m_state->http.stop();
}

} // namespace stance::serve
