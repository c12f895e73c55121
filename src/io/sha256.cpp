// SHA-256 through OpenSSL's EVP interface: document fingerprints must match `sha256sum`.
#include <array>

#include <openssl/evp.h>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"

namespace stance {

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
        throw error("computing SHA-256 failed inside OpenSSL");
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0x0f];
    }
    return out;
}

} // namespace stance
