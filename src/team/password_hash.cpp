// scrypt records through OpenSSL; see password_hash.hpp.
#include "team/password_hash.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "stance/error.hpp"

namespace stance::detail {

namespace {

constexpr std::size_t salt_bytes = 16;
constexpr std::size_t key_bytes = 32;
constexpr std::string_view scheme = "scrypt";

// Bounds on a stored cost: a record altered in the database must not make a login take gigabytes.
constexpr std::uint64_t max_n = std::uint64_t{1} << 20;
constexpr std::uint32_t max_r = 32;
constexpr std::uint32_t max_p = 16;

/// Wipes a buffer that held key material when it goes.
template <std::size_t N> class SecretBytes {
public:
    SecretBytes() = default;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    ~SecretBytes() { OPENSSL_cleanse(m_bytes.data(), m_bytes.size()); }

    [[nodiscard]] unsigned char* data() noexcept { return m_bytes.data(); }
    [[nodiscard]] const unsigned char* data() const noexcept { return m_bytes.data(); }
    [[nodiscard]] static constexpr std::size_t size() noexcept { return N; }

private:
    std::array<unsigned char, N> m_bytes{};
};

bool within_bounds(const ScryptCost& cost) noexcept {
    const bool power_of_two = cost.n >= 2 && (cost.n & (cost.n - 1)) == 0;
    return power_of_two && cost.n <= max_n && cost.r >= 1 && cost.r <= max_r && cost.p >= 1 && cost.p <= max_p;
}

/// scrypt of `password` with `salt` into `key`; false when OpenSSL refuses.
template <std::size_t N>
bool derive(std::string_view password, const unsigned char* salt, std::size_t salt_size, const ScryptCost& cost,
            SecretBytes<N>& key) {
    // What scrypt allocates (its V array and the p blocks B), with room for OpenSSL's own rounding.
    const std::uint64_t memory = std::uint64_t{128} * cost.r * (cost.n + cost.p + 2U) + (std::uint64_t{1} << 20);
    return EVP_PBE_scrypt(password.data(), password.size(), salt, salt_size, cost.n, cost.r, cost.p, memory, key.data(),
                          key.size()) == 1;
}

std::string hex(const unsigned char* bytes, std::size_t size) {
    std::string text;
    text.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        text += fmt::format("{:02x}", bytes[i]);
    }
    return text;
}

std::optional<std::vector<unsigned char>> from_hex(std::string_view text) {
    if (text.size() % 2 != 0) {
        return std::nullopt;
    }
    std::vector<unsigned char> bytes(text.size() / 2);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const char* first = text.data() + 2 * i;
        unsigned value = 0;
        const auto [end, failure] = std::from_chars(first, first + 2, value, 16);
        if (failure != std::errc{} || end != first + 2) {
            return std::nullopt;
        }
        bytes[i] = static_cast<unsigned char>(value);
    }
    return bytes;
}

template <class Number> std::optional<Number> number(std::string_view text) {
    Number value{};
    const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (failure != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

/// A record's six fields, split at '$'.
std::optional<std::array<std::string_view, 6>> fields_of(std::string_view record) {
    std::array<std::string_view, 6> fields;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::size_t end = i + 1 < fields.size() ? record.find('$') : record.size();
        if (end == std::string_view::npos) {
            return std::nullopt;
        }
        fields[i] = record.substr(0, end);
        record.remove_prefix(std::min(end + 1, record.size()));
    }
    return fields;
}

struct Record {
    ScryptCost cost;
    std::vector<unsigned char> salt;
    std::vector<unsigned char> key;
};

std::optional<Record> read_record(std::string_view text) {
    const auto fields = fields_of(text);
    if (!fields || (*fields)[0] != scheme) {
        return std::nullopt;
    }
    const auto n = number<std::uint64_t>((*fields)[1]);
    const auto r = number<std::uint32_t>((*fields)[2]);
    const auto p = number<std::uint32_t>((*fields)[3]);
    auto salt = from_hex((*fields)[4]);
    auto key = from_hex((*fields)[5]);
    if (!n || !r || !p || !salt || !key || salt->empty() || key->size() != key_bytes) {
        return std::nullopt;
    }
    Record record{ScryptCost{*n, *r, *p}, std::move(*salt), std::move(*key)};
    if (!within_bounds(record.cost)) {
        return std::nullopt;
    }
    return record;
}

} // namespace

std::string hash_password(std::string_view password, const ScryptCost& cost) {
    std::array<unsigned char, salt_bytes> salt{};
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) {
        throw error("cannot keep the password: the system's random source gave no salt; retry, and check that "
                    "/dev/urandom is readable");
    }
    SecretBytes<key_bytes> key;
    if (!within_bounds(cost) || !derive(password, salt.data(), salt.size(), cost, key)) {
        throw error(fmt::format("cannot keep the password: scrypt (N={}, r={}, p={}) failed in OpenSSL; check that "
                                "the machine has {} MiB of memory free",
                                cost.n, cost.r, cost.p, (std::uint64_t{128} * cost.r * cost.n) >> 20U));
    }
    return fmt::format("{}${}${}${}${}${}", scheme, cost.n, cost.r, cost.p, hex(salt.data(), salt.size()),
                       hex(key.data(), key_bytes));
}

bool password_matches(std::string_view password, std::string_view record) {
    const std::optional<Record> stored = read_record(record);
    if (!stored) {
        spend_password_work(password); // a damaged record answers no faster than a wrong password
        return false;
    }
    SecretBytes<key_bytes> key;
    if (!derive(password, stored->salt.data(), stored->salt.size(), stored->cost, key)) {
        return false;
    }
    return CRYPTO_memcmp(key.data(), stored->key.data(), key_bytes) == 0;
}

void spend_password_work(std::string_view password, const ScryptCost& cost) {
    const std::array<unsigned char, salt_bytes> salt{};
    SecretBytes<key_bytes> key;
    (void)derive(password, salt.data(), salt.size(), cost, key);
}

ScryptCost cost_of(std::string_view record) {
    const std::optional<Record> stored = read_record(record);
    return stored ? stored->cost : ScryptCost{};
}

} // namespace stance::detail
