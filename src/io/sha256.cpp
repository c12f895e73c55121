// SHA-256 through OpenSSL's EVP interface: document fingerprints must match `sha256sum`.
#include <array>
#include <string_view>
#include <vector>

#include <openssl/evp.h>

#include "io/sha256_stream.hpp"
#include "stance/error.hpp"
#include "stance/io/csv.hpp"
#include "stance/io/dataset_json.hpp"

namespace stance {

namespace {

std::string to_hex(const std::array<unsigned char, EVP_MAX_MD_SIZE>& digest, unsigned int length) {
    static constexpr std::string_view hex = "0123456789abcdef";
    std::string out;
    out.reserve(std::size_t{length} * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0x0f];
    }
    return out;
}

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
    detail::Sha256Stream hash;
    auto source = open_data_file(file);
    std::vector<char> buffer(std::size_t{1} << 16);
    while (const std::size_t count = source->read(buffer.data(), buffer.size())) {
        hash.update(buffer.data(), count);
    }
    return hash.hex_digest();
}

namespace detail {

Sha256Stream::Sha256Stream() : m_context(EVP_MD_CTX_new()) {
    if (m_context == nullptr || EVP_DigestInit_ex(m_context, EVP_sha256(), nullptr) != 1) {
        EVP_MD_CTX_free(m_context);
        throw error("starting a SHA-256 digest failed inside OpenSSL");
    }
}

Sha256Stream::~Sha256Stream() {
    EVP_MD_CTX_free(m_context);
}

void Sha256Stream::update(const char* bytes, std::size_t count) {
    if (count > 0 && EVP_DigestUpdate(m_context, bytes, count) != 1) {
        throw error("updating a SHA-256 digest failed inside OpenSSL");
    }
}

std::string Sha256Stream::hex_digest() {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(m_context, digest.data(), &length) != 1) {
        throw error("finishing a SHA-256 digest failed inside OpenSSL");
    }
    return to_hex(digest, length);
}

} // namespace detail

} // namespace stance
