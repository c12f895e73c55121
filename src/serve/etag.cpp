#include "serve/etag.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <httplib.h>
#include <openssl/sha.h>

#include "serve/http_error.hpp"
#include "stance/io/dataset_json.hpp"

namespace stance::serve {

std::string state_etag(std::string_view recorded_state) {
    std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
    SHA256(reinterpret_cast<const unsigned char*>(recorded_state.data()), recorded_state.size(), digest.data());
    std::string tag = "\"s-";
    for (std::size_t i = 0; i < 16; ++i) { // 128 bits: no two states of one stance meet by chance
        tag += fmt::format("{:02x}", digest[i]);
    }
    return tag + '"';
}

std::string stance_etag(const Stance& stance) {
    return state_etag(entity_json(stance));
}

bool if_match_accepts(std::string_view header, std::string_view etag) {
    while (!header.empty()) {
        const std::size_t comma = std::min(header.find(','), header.size());
        std::string_view item = header.substr(0, comma);
        header.remove_prefix(std::min(comma + 1, header.size()));
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) {
            item.remove_prefix(1);
        }
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) {
            item.remove_suffix(1);
        }
        // A weak tag never matches in If-Match (RFC 9110, 13.1.1): the comparison is strong.
        if (item == "*" || item == etag) {
            return true;
        }
    }
    return false;
}

std::string required_if_match(const httplib::Request& request, std::string_view what) {
    if (!request.has_header("If-Match")) {
        throw request_error(428, fmt::format("{} needs the header If-Match with the ETag of the stance as you read it "
                                             "(GET /api/stances/ID), so that nobody's edit is overwritten unseen",
                                             what));
    }
    return request.get_header_value("If-Match");
}

} // namespace stance::serve
