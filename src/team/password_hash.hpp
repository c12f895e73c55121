// Passwords kept as scrypt records (docs/team.md): "scrypt$N$r$p$salt$key", the salt (16 random
// bytes) and the derived key (32 bytes) in hexadecimal. The record carries its own cost, so the cost
// of new passwords can be raised while old ones still verify. Internal to the coder directory.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace stance::detail {

/// scrypt's cost: N (memory and time, a power of two), r (block size), p (parallel lanes).
struct ScryptCost {
    std::uint64_t n = 0;
    std::uint32_t r = 0;
    std::uint32_t p = 0;

    friend bool operator==(const ScryptCost&, const ScryptCost&) = default;
};

/// The cost of new passwords: 32 MiB and about half a second of one core, one of the settings OWASP's
/// password storage guidance gives as equal to its minimum (N = 2^17, r = 8, p = 1), with a quarter of
/// its memory, since a team's server may check several logins at once.
inline constexpr ScryptCost password_cost{std::uint64_t{1} << 15, 8, 3};

/// A new record of `password` at `cost`, with a fresh random salt. Throws stance::error when the
/// system's random source or scrypt fails (never saying anything of the password).
[[nodiscard]] std::string hash_password(std::string_view password, const ScryptCost& cost = password_cost);

/// Whether `password` is the one `record` was made from; false too for a record that is not one
/// stance wrote. The key is compared in constant time.
[[nodiscard]] bool password_matches(std::string_view password, std::string_view record);

/// The work of password_matches at `cost`, with nothing to match: what checking a login of an
/// unknown name costs, so that its answer takes as long as a wrong password's.
void spend_password_work(std::string_view password, const ScryptCost& cost = password_cost);

/// The cost a record was made with; all zero for a record that is not one stance wrote.
[[nodiscard]] ScryptCost cost_of(std::string_view record);

} // namespace stance::detail
