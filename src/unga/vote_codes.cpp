// Vote words and codes; see vote_codes.hpp.
#include "unga/vote_codes.hpp"

namespace stance::unga {

std::optional<PositionKind> vote_kind(std::string_view text) {
    if (text == "yes") {
        return PositionKind::support;
    }
    if (text == "no") {
        return PositionKind::oppose;
    }
    if (text == "abstain") {
        return PositionKind::abstain;
    }
    return std::nullopt;
}

std::optional<PositionKind> full_code_kind(std::int64_t code) {
    switch (code) {
    case 1: return PositionKind::support;
    case 2: return PositionKind::abstain;
    case 3: return PositionKind::oppose;
    case 8: return PositionKind::absent;
    case 9: return PositionKind::not_member;
    default: return std::nullopt;
    }
}

std::string_view vote_word(PositionKind kind) {
    switch (kind) {
    case PositionKind::support: return "yes";
    case PositionKind::oppose: return "no";
    case PositionKind::abstain: return "abstain";
    case PositionKind::absent: return "absent";
    case PositionKind::not_member: return "not a member";
    default: return "?";
    }
}

} // namespace stance::unga
