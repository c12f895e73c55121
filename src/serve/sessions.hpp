// The logins of `stance serve --team`: a table in memory of sessions, each a random token that the
// browser keeps in an HttpOnly cookie, the coder it belongs to, a second random token that every
// write must repeat in a header (against cross-site request forgery: a page of another site can
// make the browser send the cookie, never read this token), and when it expires. The table keys
// sessions by a digest of their token, so not even the server's memory holds a usable cookie.
// Nothing survives a restart: the coders log in again.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace stance::serve {

/// What a valid session says.
struct SessionInfo {
    std::string coder;      ///< The coder's name.
    std::string csrf_token; ///< What writes must send as X-CSRF-Token.
};

/// A new session's cookie value and its CSRF token.
struct NewSession {
    std::string token;
    std::string csrf_token;
};

class SessionTable {
public:
    using Clock = std::chrono::steady_clock;

    /// A session lasts `idle` after its last use, and never longer than `longest` after login.
    SessionTable(std::chrono::seconds idle, std::chrono::seconds longest, std::size_t capacity = 10000);

    /// A session for `coder`. When the table is full, the session that expires first goes.
    [[nodiscard]] NewSession open(const std::string& coder, Clock::time_point now = Clock::now());
    /// The session of `token` when it exists and has not expired (and its idle time starts again).
    [[nodiscard]] std::optional<SessionInfo> find(std::string_view token, Clock::time_point now = Clock::now());
    /// Ends the session of `token` (nothing when there is none).
    void close(std::string_view token);
    /// Ends every session of `coder` (their account was disabled).
    void close_all_of(std::string_view coder);

    [[nodiscard]] std::chrono::seconds idle() const noexcept { return m_idle; }

private:
    struct Entry {
        SessionInfo info;
        Clock::time_point last_used;
        Clock::time_point opened;
    };
    [[nodiscard]] bool expired(const Entry& entry, Clock::time_point now) const;
    void make_room(Clock::time_point now);

    std::chrono::seconds m_idle;
    std::chrono::seconds m_longest;
    std::size_t m_capacity;
    std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_sessions; ///< By the SHA-256 of the token.
};

/// The value of cookie `name` in a Cookie header ("a=1; stance_session=T"); "" when absent.
[[nodiscard]] std::string cookie_value(std::string_view cookie_header, std::string_view name);

} // namespace stance::serve
