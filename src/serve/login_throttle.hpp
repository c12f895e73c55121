// Bounded login attempts, against guessing passwords: within a window, a name that failed to log in
// `per_name` times, or a client address that failed `per_client` times, is refused (429) until the
// window of its oldest failure has passed, without the password being checked at all. A success
// forgets the name's failures (not the client's: one client trying many names stays bounded). The
// price: someone who knows a coder's name can keep them out for a window; docs/team.md says so.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace stance::serve {

struct LoginLimits {
    std::size_t per_name = 5;
    std::size_t per_client = 20;
    std::chrono::seconds window{900};
};

class LoginThrottle {
public:
    using Clock = std::chrono::steady_clock;

    explicit LoginThrottle(LoginLimits limits);

    /// Nothing when `name` may try to log in from `client` now; else how long until it may.
    [[nodiscard]] std::optional<std::chrono::seconds> wait(const std::string& name, const std::string& client,
                                                           Clock::time_point now = Clock::now());
    void failed(const std::string& name, const std::string& client, Clock::time_point now = Clock::now());
    void succeeded(const std::string& name);

private:
    using Failures = std::deque<Clock::time_point>;
    /// How long until `failures` is under `limit` again; nothing when it is.
    [[nodiscard]] std::optional<std::chrono::seconds> over(Failures& failures, std::size_t limit,
                                                           Clock::time_point now) const;
    void forget_old(Clock::time_point now);

    LoginLimits m_limits;
    std::mutex m_mutex;
    std::unordered_map<std::string, Failures> m_by_name;
    std::unordered_map<std::string, Failures> m_by_client;
};

} // namespace stance::serve
