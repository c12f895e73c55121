// Hashing while reading; see hashing_source.hpp.
#include "io/hashing_source.hpp"

namespace stance::detail {

HashingSource::HashingSource(std::unique_ptr<ByteSource> inner) : m_inner(std::move(inner)) {}

std::size_t HashingSource::read(char* buffer, std::size_t size) {
    const std::size_t count = m_inner->read(buffer, size);
    m_hash.update(buffer, count);
    return count;
}

} // namespace stance::detail
