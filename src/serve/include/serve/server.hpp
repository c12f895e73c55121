// `stance serve`: the workbench, a local web application over one stance database. An embedded
// HTTP server (cpp-httplib) answers the JSON API of docs/http-api.md and serves the browser pages
// compiled into the binary (web/). Every request passes the guard of guard.hpp first; writes go
// through the library's checked write path only (coding/, store/history.hpp).
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace stance::serve {

/// How the server is started; the defaults are the safe ones (docs/workbench.md, "Safe by default").
struct ServeOptions {
    std::string database;           ///< The database: a file path or a PostgreSQL address (never shown to clients).
    std::string host = "127.0.0.1"; ///< The address to listen on.
    int port = 8470;                ///< 0: any free port (Server::port() says which).
    bool read_only = false;         ///< No write route exists, and the database is opened read-only.
    std::string token;              ///< The write token; a random one when empty. Not with `team`.
    /// Serve a team: every route needs a coder's login (the accounts of the database, docs/team.md)
    /// and checks the coder's permissions; there is no start-up token.
    bool team = false;
    std::chrono::seconds session_idle{std::chrono::hours{8}};     ///< A session ends this long after its last use,
    std::chrono::seconds session_longest{std::chrono::hours{24}}; ///< and this long after its login at the latest.
    std::size_t login_failures_per_name = 5;    ///< Failed logins of one name within the window, before 429;
    std::size_t login_failures_per_client = 20; ///< of one client address;
    std::chrono::seconds login_window{900};     ///< the window.
    std::string author;                         ///< Who the history records as making the writes.
    int busy_timeout_ms = 5000;
    std::size_t max_body_bytes = std::size_t{1} << 20; ///< Larger request bodies get 413.
    double requests_per_second = 50.0;                 ///< Per client address, with bursts of `burst`; beyond: 429.
    double burst = 200.0;
    std::size_t threads = 8; ///< Connections served at once (a browser opens about six); the rest wait.
};

class Server {
public:
    /// Checks the options (throws invalid_input_error naming the option) and opens the database
    /// once, so that a wrong path or a newer schema is reported before anything listens.
    explicit Server(ServeOptions options);
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;
    ~Server();

    /// Binds the listening socket; throws stance::error when the address or port cannot be had.
    void bind();
    /// The port bound (after bind()).
    [[nodiscard]] int port() const noexcept;
    /// "http://HOST:PORT/?token=TOKEN" (no token in read-only or team mode): what the user opens.
    [[nodiscard]] std::string url() const;
    [[nodiscard]] const std::string& token() const noexcept;

    /// Answers requests until stop(); call after bind().
    void run();
    /// Makes run() return once the requests being answered are done; safe from another thread.
    void stop();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace stance::serve
