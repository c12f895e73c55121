// An incremental SHA-256 (OpenSSL EVP), for hashing a file while it is read: the UN importer hashes
// its tables as it parses them, and stance check re-hashes referenced files. Internal to the library.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

struct evp_md_ctx_st;

namespace stance::detail {

class Sha256Stream {
public:
    Sha256Stream();
    Sha256Stream(const Sha256Stream&) = delete;
    Sha256Stream& operator=(const Sha256Stream&) = delete;
    ~Sha256Stream();

    void update(const char* bytes, std::size_t count);
    /// Lowercase hex digest of everything given to `update`; call once, at the end.
    [[nodiscard]] std::string hex_digest();

private:
    evp_md_ctx_st* m_context;
};

} // namespace stance::detail
