// A bound on how fast one client may send requests: a token bucket per client address. A page
// that loads its charts sends bursts; a script in a loop is slowed to the steady rate (429).
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace stance::serve {

class RateLimit {
public:
    using Clock = std::chrono::steady_clock;

    /// `per_second` requests a second on average, `burst` at once after a pause.
    RateLimit(double per_second, double burst);

    /// True when `client` may send a request at `now` (and counts it); false: too many.
    [[nodiscard]] bool allow(const std::string& client, Clock::time_point now = Clock::now());

private:
    struct Bucket {
        double tokens;
        Clock::time_point updated;
    };
    void forget_idle(Clock::time_point now);

    double m_per_second;
    double m_burst;
    std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
};

} // namespace stance::serve
