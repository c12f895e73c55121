// The write token of `stance serve`: random, printed once at start (as notebook servers do), and
// compared in constant time so that the time an answer takes says nothing about how much matched.
#pragma once

#include <string>
#include <string_view>

namespace stance::serve {

/// 32 random bytes from OpenSSL's RAND_bytes as 64 lowercase hex digits. Throws stance::error when
/// the random generator cannot be seeded.
[[nodiscard]] std::string random_token();

/// True when `given` is `expected`, taking the same time whatever their contents.
[[nodiscard]] bool tokens_equal(std::string_view given, std::string_view expected) noexcept;

} // namespace stance::serve
