#include "serve/token.hpp"

#include <array>

#include <fmt/format.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include "stance/error.hpp"

namespace stance::serve {

std::string random_token() {
    std::array<unsigned char, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        throw error("could not draw a random token (OpenSSL RAND_bytes failed); give one with --token");
    }
    std::string token;
    for (const unsigned char byte : bytes) {
        token += fmt::format("{:02x}", byte);
    }
    return token;
}

bool tokens_equal(std::string_view given, std::string_view expected) noexcept {
    // Digests of both have one length whatever was sent, so not even the length is compared early.
    std::array<unsigned char, SHA256_DIGEST_LENGTH> a{};
    std::array<unsigned char, SHA256_DIGEST_LENGTH> b{};
    SHA256(reinterpret_cast<const unsigned char*>(given.data()), given.size(), a.data());
    SHA256(reinterpret_cast<const unsigned char*>(expected.data()), expected.size(), b.data());
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0 && !expected.empty();
}

} // namespace stance::serve
