#include "serve/rate_limit.hpp"

#include <algorithm>

namespace stance::serve {

namespace {

// Beyond this many clients remembered, those whose bucket is full again are forgotten: a full
// bucket is what a new client gets anyway, so nothing changes for them.
constexpr std::size_t max_remembered_clients = 4096;

} // namespace

RateLimit::RateLimit(double per_second, double burst) : m_per_second(per_second), m_burst(std::max(burst, 1.0)) {}

bool RateLimit::allow(const std::string& client, Clock::time_point now) {
    const std::lock_guard lock(m_mutex);
    if (m_buckets.size() >= max_remembered_clients) {
        forget_idle(now);
    }
    auto [it, added] = m_buckets.try_emplace(client, Bucket{m_burst, now});
    Bucket& bucket = it->second;
    if (!added) {
        const std::chrono::duration<double> elapsed = now - bucket.updated;
        bucket.tokens = std::min(m_burst, bucket.tokens + elapsed.count() * m_per_second);
        bucket.updated = now;
    }
    if (bucket.tokens < 1.0) {
        return false;
    }
    bucket.tokens -= 1.0;
    return true;
}

void RateLimit::forget_idle(Clock::time_point now) {
    std::erase_if(m_buckets, [&](const auto& entry) {
        const std::chrono::duration<double> elapsed = now - entry.second.updated;
        return entry.second.tokens + elapsed.count() * m_per_second >= m_burst;
    });
}

} // namespace stance::serve
