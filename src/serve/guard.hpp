// The rules every request to `stance serve` passes before any route sees it (docs/workbench.md,
// "Safe by default"), in this order:
//   1. the Host header names this server: "localhost", an IP address or the --host name, with the
//      bound port; a DNS name of someone else's (a rebinding attack) is refused with 403;
//   2. the target is plain (assets.hpp: no "..", backslash or control byte, however encoded): 400;
//   3. the client stays under the request rate: 429;
//   4. on a team server (--team), every /api/ route but the login needs a session (a cookie from
//      POST /api/login, sessions.hpp): 401;
//   5. anything but GET and HEAD is a write: refused with 405 in read-only mode (logging in and out
//      excepted); else it must come from this server's own pages (Origin, and Sec-Fetch-Site when
//      the browser sends it): 403; and must carry the token (Authorization: Bearer …, or
//      X-Stance-Token): 401, or on a team server the session's CSRF token (X-CSRF-Token): 403.
// Which coder may do what is each route's check (team.hpp), once the request has passed these.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "serve/rate_limit.hpp"

namespace httplib {
struct Request;
}

namespace stance::serve {

struct Refusal {
    int status;
    std::string message;
};

/// True when `host_header` ("localhost:8470", "[::1]:8470", "127.0.0.1:8470") names this server:
/// localhost, an IP literal, or `bound_host` itself, each with `port`.
[[nodiscard]] bool host_allowed(std::string_view host_header, std::string_view bound_host, int port);

/// True when a browser request comes from the page of `host_header` itself: `origin` (empty when
/// not sent) is "http://" + the Host, and `fetch_site` (empty when not sent) is same-origin or none.
/// Requests from tools that send neither pass (they still need the token).
[[nodiscard]] bool same_origin(std::string_view origin, std::string_view fetch_site, std::string_view host_header);

/// The token a request carries: "Authorization: Bearer T", else "X-Stance-Token: T"; empty when none.
[[nodiscard]] std::string request_token(const httplib::Request& request);

[[nodiscard]] bool is_write_method(std::string_view method) noexcept;

class SessionTable;

class RequestGuard {
public:
    /// `sessions`: the team server's (which must outlive the guard); nullptr without --team.
    RequestGuard(std::string bound_host, std::string token, bool read_only, double requests_per_second, double burst,
                 SessionTable* sessions = nullptr);

    /// Call once the port is known (port 0 binds any free one).
    void set_port(int port) noexcept { m_port = port; }

    /// Nothing when `request` may go on to its route; else why not.
    [[nodiscard]] std::optional<Refusal> check(const httplib::Request& request);

private:
    [[nodiscard]] std::optional<Refusal> check_session(const httplib::Request& request);
    [[nodiscard]] std::optional<Refusal> check_write(const httplib::Request& request);

    std::string m_bound_host;
    std::string m_token;
    bool m_read_only;
    int m_port = 0;
    RateLimit m_rate;
    SessionTable* m_sessions;
};

} // namespace stance::serve
