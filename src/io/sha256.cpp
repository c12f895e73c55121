// SHA-256 through OpenSSL's EVP interface: document fingerprints must match `sha256sum`.
#include <array>
#include <memory>
#include <vector>

#include <openssl/evp.h>

#include "stance/error.hpp"
#include "stance/io/csv.hpp"
#include "stance/io/dataset_json.hpp"

namespace stance {

namespace {

std::string to_hex(const std::array<unsigned char, EVP_MAX_MD_SIZE>& digest, unsigned int length) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0x0f];
    }
    return out;
}

struct FreeContext {
    void operator()(EVP_MD_CTX* context) const noexcept { EVP_MD_CTX_free(context); }
};

} // namespace

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
        throw error("computing SHA-256 failed inside OpenSSL");
    }
    return to_hex(digest, length);
}

std::string sha256_of_data_file(const std::filesystem::path& file) {
    const std::unique_ptr<EVP_MD_CTX, FreeContext> context(EVP_MD_CTX_new());
    if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1) {
        throw error("starting a SHA-256 digest failed inside OpenSSL");
    }
    auto source = open_data_file(file);
    std::vector<char> buffer(std::size_t{1} << 16);
    while (const std::size_t count = source->read(buffer.data(), buffer.size())) {
        if (EVP_DigestUpdate(context.get(), buffer.data(), count) != 1) {
            throw error("updating a SHA-256 digest failed inside OpenSSL");
        }
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(context.get(), digest.data(), &length) != 1) {
        throw error("finishing a SHA-256 digest failed inside OpenSSL");
    }
    return to_hex(digest, length);
}

} // namespace stance
