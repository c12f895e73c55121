#include "serve/login_throttle.hpp"

#include <algorithm>
#include <iterator>

namespace stance::serve {

namespace {

void drop_before(std::deque<LoginThrottle::Clock::time_point>& failures, LoginThrottle::Clock::time_point cut) {
    while (!failures.empty() && failures.front() <= cut) {
        failures.pop_front();
    }
}

} // namespace

LoginThrottle::LoginThrottle(LoginLimits limits) : m_limits(limits) {
    m_limits.per_name = std::max<std::size_t>(m_limits.per_name, 1);
    m_limits.per_client = std::max<std::size_t>(m_limits.per_client, 1);
}

std::optional<std::chrono::seconds> LoginThrottle::over(Failures& failures, std::size_t limit,
                                                        Clock::time_point now) const {
    drop_before(failures, now - m_limits.window);
    if (failures.size() < limit) {
        return std::nullopt;
    }
    // Allowed again once enough of the oldest failures have left the window.
    const Clock::time_point free_at = failures[failures.size() - limit] + m_limits.window;
    return std::max(std::chrono::seconds{1}, std::chrono::ceil<std::chrono::seconds>(free_at - now));
}

std::optional<std::chrono::seconds> LoginThrottle::wait(const std::string& name, const std::string& client,
                                                        Clock::time_point now) {
    const std::lock_guard lock(m_mutex);
    std::optional<std::chrono::seconds> longest;
    if (auto found = m_by_name.find(name); found != m_by_name.end()) {
        longest = over(found->second, m_limits.per_name, now);
    }
    if (auto found = m_by_client.find(client); found != m_by_client.end()) {
        if (const auto client_wait = over(found->second, m_limits.per_client, now)) {
            longest = std::max(longest.value_or(std::chrono::seconds{0}), *client_wait);
        }
    }
    return longest;
}

void LoginThrottle::forget_old(Clock::time_point now) {
    // Bounded memory: names and clients whose failures have all left the window are dropped.
    const Clock::time_point cut = now - m_limits.window;
    for (auto* table : {&m_by_name, &m_by_client}) {
        for (auto item = table->begin(); item != table->end();) {
            drop_before(item->second, cut);
            item = item->second.empty() ? table->erase(item) : std::next(item);
        }
    }
}

void LoginThrottle::failed(const std::string& name, const std::string& client, Clock::time_point now) {
    const std::lock_guard lock(m_mutex);
    if (m_by_name.size() + m_by_client.size() > 100000) {
        forget_old(now);
    }
    m_by_name[name].push_back(now);
    m_by_client[client].push_back(now);
}

void LoginThrottle::succeeded(const std::string& name) {
    const std::lock_guard lock(m_mutex);
    m_by_name.erase(name);
}

} // namespace stance::serve
