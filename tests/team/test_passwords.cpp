// Passwords as scrypt records: salted, parameters kept, compared in full, damaged records refused.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "team/password_hash.hpp"

using namespace stance;
using detail::ScryptCost;

namespace {

constexpr ScryptCost cheap{1024, 8, 1};

std::string field(const std::string& record, std::size_t index) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < index; ++i) {
        start = record.find('$', start) + 1;
    }
    return record.substr(start, record.find('$', start) - start);
}

} // namespace

TEST_CASE("a password is kept as an scrypt record of the current cost, salt and key, never as itself") {
    const std::string record = detail::hash_password("correct horse battery");
    CHECK(record.starts_with("scrypt$32768$8$3$"));
    CHECK(field(record, 4).size() == 32); // 16 bytes of salt
    CHECK(field(record, 5).size() == 64); // 32 bytes of key
    CHECK(record.find("correct") == std::string::npos);
    CHECK(detail::cost_of(record) == detail::password_cost);
    CHECK(detail::password_matches("correct horse battery", record));
    CHECK_FALSE(detail::password_matches("correct horse batterx", record));
}

TEST_CASE("the same password hashed twice gives two records: a fresh salt each time") {
    const std::string first = detail::hash_password("the same password", cheap);
    const std::string second = detail::hash_password("the same password", cheap);
    CHECK(first != second);
    CHECK(field(first, 4) != field(second, 4));
    CHECK(detail::password_matches("the same password", first));
    CHECK(detail::password_matches("the same password", second));
}

TEST_CASE("a record keeps its own cost, so raising the cost of new passwords leaves old ones valid") {
    const std::string old_record = detail::hash_password("an older password", cheap);
    CHECK(detail::cost_of(old_record) == cheap);
    CHECK(old_record.starts_with("scrypt$1024$8$1$"));
    CHECK(detail::password_matches("an older password", old_record));
}

TEST_CASE("every byte of the password counts, a prefix or an empty one matches nothing") {
    const std::string record = detail::hash_password("abcdefghijkl", cheap);
    CHECK_FALSE(detail::password_matches("abcdefghijk", record));
    CHECK_FALSE(detail::password_matches("abcdefghijklm", record));
    CHECK_FALSE(detail::password_matches("", record));
    // Not a NUL byte at the end: scrypt's HMAC pads its key with zeros, so "…l" and "…l\0" are one key.
    // The directory therefore refuses passwords with NUL bytes (test_coders.cpp).
}

TEST_CASE("a damaged or foreign record matches no password") {
    const std::string record = detail::hash_password("a good password", cheap);
    std::string flipped = record;
    flipped.back() = flipped.back() == '0' ? '1' : '0';
    CHECK_FALSE(detail::password_matches("a good password", flipped));
    CHECK_FALSE(detail::password_matches("a good password", record.substr(0, record.size() - 2)));
    CHECK_FALSE(detail::password_matches("a good password", "pbkdf2" + record.substr(6)));
    CHECK_FALSE(detail::password_matches("a good password", "a good password"));
    CHECK_FALSE(detail::password_matches("a good password", ""));
    // A cost beyond the bounds (a record altered to make a login take gigabytes) is refused unread.
    std::string costly = record;
    costly.replace(7, 4, "1073741824");
    CHECK(detail::cost_of(costly) == ScryptCost{});
    CHECK_FALSE(detail::password_matches("a good password", costly));
    CHECK(detail::cost_of("scrypt$1000$8$1$00$" + std::string(64, '0')) == ScryptCost{}); // N not a power of two
}

TEST_CASE("checking no record costs the work of checking one") {
    constexpr ScryptCost slow{std::uint64_t{1} << 14, 8, 1};
    const std::string record = detail::hash_password("a good password", slow);
    const auto time = [](auto&& action) {
        auto fastest = std::chrono::steady_clock::duration::max();
        for (int round = 0; round < 3; ++round) { // the fastest of three: a loaded machine only slows rounds
            const auto start = std::chrono::steady_clock::now();
            action();
            fastest = std::min(fastest, std::chrono::steady_clock::now() - start);
        }
        return fastest;
    };
    const auto wrong = time([&] { CHECK_FALSE(detail::password_matches("a bad password", record)); });
    const auto none = time([&] { detail::spend_password_work("a bad password", slow); });
    // Without the work, "none" would take microseconds against the tens of milliseconds of scrypt.
    CHECK(none * 3 > wrong);
}
