#include "serve/sessions.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <openssl/sha.h>

#include "serve/token.hpp"

namespace stance::serve {

namespace {

std::string digest_of(std::string_view token) {
    std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
    SHA256(reinterpret_cast<const unsigned char*>(token.data()), token.size(), digest.data());
    std::string out;
    for (const unsigned char byte : digest) {
        out += fmt::format("{:02x}", byte);
    }
    return out;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    return text;
}

} // namespace

SessionTable::SessionTable(std::chrono::seconds idle, std::chrono::seconds longest, std::size_t capacity)
    : m_idle(idle), m_longest(longest), m_capacity(std::max<std::size_t>(capacity, 1)) {}

bool SessionTable::expired(const Entry& entry, Clock::time_point now) const {
    return now - entry.last_used >= m_idle || now - entry.opened >= m_longest;
}

void SessionTable::make_room(Clock::time_point now) {
    std::erase_if(m_sessions, [&](const auto& item) { return expired(item.second, now); });
    if (m_sessions.size() < m_capacity) {
        return;
    }
    const auto oldest = std::min_element(m_sessions.begin(), m_sessions.end(), [](const auto& a, const auto& b) {
        return a.second.last_used < b.second.last_used;
    });
    m_sessions.erase(oldest);
}

NewSession SessionTable::open(const std::string& coder, Clock::time_point now) {
    NewSession made{random_token(), random_token()};
    const std::lock_guard lock(m_mutex);
    make_room(now);
    m_sessions[digest_of(made.token)] = Entry{SessionInfo{coder, made.csrf_token}, now, now};
    return made;
}

std::optional<SessionInfo> SessionTable::find(std::string_view token, Clock::time_point now) {
    if (token.empty()) {
        return std::nullopt;
    }
    const std::string key = digest_of(token);
    const std::lock_guard lock(m_mutex);
    const auto found = m_sessions.find(key);
    if (found == m_sessions.end()) {
        return std::nullopt;
    }
    if (expired(found->second, now)) {
        m_sessions.erase(found);
        return std::nullopt;
    }
    found->second.last_used = now;
    return found->second.info;
}

void SessionTable::close(std::string_view token) {
    const std::string key = digest_of(token);
    const std::lock_guard lock(m_mutex);
    m_sessions.erase(key);
}

void SessionTable::close_all_of(std::string_view coder) {
    const std::lock_guard lock(m_mutex);
    std::erase_if(m_sessions, [&](const auto& item) { return item.second.info.coder == coder; });
}

std::string cookie_value(std::string_view cookie_header, std::string_view name) {
    while (!cookie_header.empty()) {
        const std::size_t end = std::min(cookie_header.find(';'), cookie_header.size());
        const std::string_view pair = trimmed(cookie_header.substr(0, end));
        cookie_header.remove_prefix(std::min(end + 1, cookie_header.size()));
        const std::size_t equals = pair.find('=');
        if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
            return std::string(pair.substr(equals + 1));
        }
    }
    return "";
}

} // namespace stance::serve
