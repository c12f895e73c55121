// A calendar date (proleptic Gregorian), the granularity at which meetings and statements are dated.
#pragma once

#include <array>
#include <chrono>
#include <compare>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace stance {

class Date {
public:
    Date() = default;
    /// Does not validate; use `Date::parse` or `valid()` for input from outside.
    Date(int year, unsigned month, unsigned day)
        : m_ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}} {}

    /// Parses "YYYY-MM-DD"; returns nothing for malformed text or a day that does not exist (2017-02-30).
    [[nodiscard]] static std::optional<Date> parse(std::string_view text) {
        if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
            return std::nullopt;
        }
        int year = 0;
        unsigned month = 0;
        unsigned day = 0;
        for (const std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
            if (text[i] < '0' || text[i] > '9') {
                return std::nullopt;
            }
        }
        auto digits = [&](std::size_t from, std::size_t count) {
            unsigned value = 0;
            for (std::size_t i = from; i < from + count; ++i) {
                value = value * 10 + static_cast<unsigned>(text[i] - '0');
            }
            return value;
        };
        year = static_cast<int>(digits(0, 4));
        month = digits(5, 2);
        day = digits(8, 2);
        Date date{year, month, day};
        if (!date.valid()) {
            return std::nullopt;
        }
        return date;
    }

    [[nodiscard]] bool valid() const noexcept { return m_ymd.ok(); }
    [[nodiscard]] int year() const noexcept { return static_cast<int>(m_ymd.year()); }
    [[nodiscard]] unsigned month() const noexcept { return static_cast<unsigned>(m_ymd.month()); }
    [[nodiscard]] unsigned day() const noexcept { return static_cast<unsigned>(m_ymd.day()); }

    /// ISO 8601, "2017-03-31".
    [[nodiscard]] std::string iso() const {
        std::array<char, 16> buffer{};
        std::snprintf(buffer.data(), buffer.size(), "%04d-%02u-%02u", year(), month(), day());
        return buffer.data();
    }

    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 takes the 0 a defaulted <=> compares with for a pointer
    friend auto operator<=>(const Date&, const Date&) = default;
    friend bool operator==(const Date&, const Date&) = default;

private:
    std::chrono::year_month_day m_ymd{};
};

} // namespace stance
