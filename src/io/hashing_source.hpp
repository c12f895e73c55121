// A ByteSource that hashes every byte passing through it (SHA-256), so that an importer which reads
// a table once gets the document's hash without a second read (the UN importer's vote tables).
// Internal to the library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "io/sha256_stream.hpp"
#include "stance/io/csv.hpp"

namespace stance::detail {

class HashingSource final : public ByteSource {
public:
    explicit HashingSource(std::unique_ptr<ByteSource> inner);

    std::size_t read(char* buffer, std::size_t size) override;
    [[nodiscard]] std::uint64_t position() const override { return m_inner->position(); }
    [[nodiscard]] std::uint64_t size() const override { return m_inner->size(); }

    /// The digest of everything read, lowercase hex; call once, at the end.
    [[nodiscard]] std::string hex_digest() { return m_hash.hex_digest(); }

private:
    std::unique_ptr<ByteSource> m_inner;
    Sha256Stream m_hash;
};

} // namespace stance::detail
