#include "serve/guard.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include <httplib.h>

#include "serve/assets.hpp"
#include "serve/sessions.hpp"
#include "serve/team.hpp"
#include "serve/token.hpp"

namespace stance::serve {

namespace {

std::string lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

bool is_ip_literal(const std::string& name) {
    std::array<unsigned char, sizeof(in6_addr)> buffer{};
    return inet_pton(AF_INET, name.c_str(), buffer.data()) == 1 ||
           inet_pton(AF_INET6, name.c_str(), buffer.data()) == 1;
}

// "[::1]:8470" → ("::1", "8470"); "localhost:8470" → ("localhost", "8470"); no port: "".
std::pair<std::string, std::string_view> split_host_port(std::string_view header) {
    if (header.starts_with('[')) {
        const std::size_t close = header.find(']');
        if (close == std::string_view::npos) {
            return {"", ""};
        }
        std::string_view rest = header.substr(close + 1);
        return {std::string(header.substr(1, close - 1)), rest.starts_with(':') ? rest.substr(1) : rest};
    }
    const std::size_t colon = header.rfind(':');
    if (colon == std::string_view::npos) {
        return {std::string(header), ""};
    }
    return {std::string(header.substr(0, colon)), header.substr(colon + 1)};
}

} // namespace

bool host_allowed(std::string_view host_header, std::string_view bound_host, int port) {
    const auto [name, port_text] = split_host_port(host_header);
    int given_port = 80; // a Host without a port means the scheme's default
    if (!port_text.empty()) {
        const auto [end, status] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), given_port);
        if (status != std::errc{} || end != port_text.data() + port_text.size()) {
            return false;
        }
    }
    if (given_port != port || name.empty()) {
        return false;
    }
    const std::string folded = lowercase(name);
    return folded == "localhost" || is_ip_literal(folded) || folded == lowercase(bound_host);
}

bool same_origin(std::string_view origin, std::string_view fetch_site, std::string_view host_header) {
    if (!fetch_site.empty() && fetch_site != "same-origin" && fetch_site != "none") {
        return false;
    }
    return origin.empty() || lowercase(origin) == "http://" + lowercase(host_header);
}

std::string request_token(const httplib::Request& request) {
    const std::string authorization = request.get_header_value("Authorization");
    constexpr std::string_view bearer = "Bearer ";
    if (authorization.size() > bearer.size() && lowercase(authorization.substr(0, bearer.size())) == "bearer ") {
        return authorization.substr(bearer.size());
    }
    return request.get_header_value("X-Stance-Token");
}

bool is_write_method(std::string_view method) noexcept {
    return method != "GET" && method != "HEAD";
}

RequestGuard::RequestGuard(std::string bound_host, std::string token, bool read_only, double requests_per_second,
                           double burst, SessionTable* sessions)
    : m_bound_host(std::move(bound_host)), m_token(std::move(token)), m_read_only(read_only),
      m_rate(requests_per_second, burst), m_sessions(sessions) {}

namespace {

constexpr std::string_view login_path = "/api/login";
constexpr std::string_view logout_path = "/api/logout";

} // namespace

std::optional<Refusal> RequestGuard::check_session(const httplib::Request& request) {
    if (m_sessions == nullptr || !request.path.starts_with("/api/") || request.path == login_path) {
        return std::nullopt;
    }
    if (!m_sessions->find(session_token(request))) {
        return Refusal{401, "log in first: this server serves a team, and every route needs a coder's login "
                            "(POST /api/login with your name and password)"};
    }
    return std::nullopt;
}

std::optional<Refusal> RequestGuard::check_write(const httplib::Request& request) {
    const bool logging_in_or_out = m_sessions != nullptr && (request.path == login_path || request.path == logout_path);
    if (m_read_only && !logging_in_or_out) {
        return Refusal{405, "this server was started with --read-only: it has no write routes"};
    }
    if (!same_origin(request.get_header_value("Origin"), request.get_header_value("Sec-Fetch-Site"),
                     request.get_header_value("Host"))) {
        return Refusal{403, "writes are only accepted from this server's own pages (the Origin is another site)"};
    }
    if (m_sessions != nullptr) {
        if (request.path == login_path) {
            return std::nullopt; // no session yet: the Origin check is what guards the login form
        }
        const std::optional<SessionInfo> session = m_sessions->find(session_token(request));
        if (!session || !tokens_equal(request.get_header_value("X-CSRF-Token"), session->csrf_token)) {
            return Refusal{403, "this write needs the session's CSRF token in the header X-CSRF-Token (the login "
                                "and GET /api/session give it); the workbench's pages send it"};
        }
        return std::nullopt;
    }
    if (!tokens_equal(request_token(request), m_token)) {
        return Refusal{401, "this write needs the token printed when the server started: send it as "
                            "\"Authorization: Bearer TOKEN\" or \"X-Stance-Token: TOKEN\""};
    }
    return std::nullopt;
}

std::optional<Refusal> RequestGuard::check(const httplib::Request& request) {
    // A request with two Host headers could be read one way here and another way by a proxy.
    if (request.get_header_value_count("Host") != 1 ||
        !host_allowed(request.get_header_value("Host"), m_bound_host, m_port)) {
        return Refusal{403, "the Host header does not name this server: open it as http://localhost:PORT or "
                            "http://127.0.0.1:PORT (other names are refused against DNS rebinding)"};
    }
    if (!is_plain_target(request.target)) {
        return Refusal{400, "the path is not a plain path (\"..\", backslashes, \"//\" and control characters "
                            "are refused, also percent-encoded)"};
    }
    if (!m_rate.allow(request.remote_addr)) {
        return Refusal{429, "too many requests from this client; slow down and try again in a second"};
    }
    if (std::optional<Refusal> refusal = check_session(request)) {
        return refusal;
    }
    return is_write_method(request.method) ? check_write(request) : std::nullopt;
}

} // namespace stance::serve
