// The rules of accounts and reviews; see coder_rules.hpp.
#include "team/coder_rules.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/text/utf8.hpp"

namespace stance::detail {

namespace {

bool is_name_character(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
}

/// Characters, not bytes: a byte that continues a UTF-8 sequence does not start one.
std::size_t characters_in(std::string_view text) noexcept {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

bool has_control_character(std::string_view text) noexcept {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20U || byte == 0x7FU;
    });
}

} // namespace

bool is_valid_coder_name(std::string_view name) noexcept {
    return !name.empty() && name.size() <= max_coder_name_bytes &&
           std::all_of(name.begin(), name.end(), is_name_character);
}

void check_coder_name(std::string_view name) {
    if (name.empty()) {
        throw invalid_input_error("coder name", "is empty; give the coder a login name, e.g. \"ana\"");
    }
    if (!is_valid_coder_name(name)) {
        // The name is the user's own input; shown only while it is short and printable.
        const bool showable =
            name.size() <= max_coder_name_bytes && is_valid_utf8(name) && !has_control_character(name);
        throw invalid_input_error(
            showable ? fmt::format("coder name \"{}\"", name) : std::string("coder name"),
            fmt::format("a coder's name is 1 to {} bytes of lowercase letters (a-z), digits, '.', '-' and '_'",
                        max_coder_name_bytes));
    }
}

void check_display_name(std::string_view display_name) {
    if (!is_valid_utf8(display_name)) {
        throw invalid_input_error("display name", "is not valid UTF-8; save it as UTF-8");
    }
    if (has_control_character(display_name)) {
        throw invalid_input_error("display name", "holds a control character (a line break or tab?); use one line");
    }
    if (display_name.size() > max_display_name_bytes) {
        throw invalid_input_error("display name", fmt::format("is {} bytes long; at most {} are kept",
                                                              display_name.size(), max_display_name_bytes));
    }
}

void check_password(std::string_view password, std::string_view whose) {
    if (characters_in(password) < min_password_characters) {
        throw invalid_input_error(std::string(whose), fmt::format("is shorter than {} characters; choose a longer one "
                                                                  "(a few unrelated words make a good password)",
                                                                  min_password_characters));
    }
    if (password.find('\0') != std::string_view::npos) {
        // scrypt's HMAC pads its key with zero bytes, so "secret" and "secret\0" would be one password.
        throw invalid_input_error(std::string(whose), "holds a NUL byte; choose one without");
    }
    if (password.size() > max_password_bytes) {
        throw invalid_input_error(std::string(whose),
                                  fmt::format("is longer than {} bytes; choose a shorter one", max_password_bytes));
    }
}

void check_review_comment(std::string_view comment) {
    if (!is_valid_utf8(comment)) {
        throw invalid_input_error("review comment", "is not valid UTF-8; save it as UTF-8");
    }
    if (comment.size() > max_review_comment_bytes) {
        throw invalid_input_error("review comment", fmt::format("is {} bytes long; at most {} are kept", comment.size(),
                                                                max_review_comment_bytes));
    }
}

bool can_manage_coders(const Coder& coder) noexcept {
    return !coder.disabled && coder.permissions.has(Permission::manage_coders);
}

void check_keeps_a_manager(const std::vector<Coder>& everyone, const Coder& changed) {
    if (can_manage_coders(changed)) {
        return;
    }
    const auto before =
        std::find_if(everyone.begin(), everyone.end(), [&](const Coder& coder) { return coder.name == changed.name; });
    if (before == everyone.end() || !can_manage_coders(*before)) {
        return; // it takes nothing away that the team had
    }
    const bool another = std::any_of(everyone.begin(), everyone.end(), [&](const Coder& coder) {
        return coder.name != changed.name && can_manage_coders(coder);
    });
    if (!another) {
        throw invalid_input_error(
            fmt::format("coder \"{}\"", changed.name),
            "is the last enabled coder who may manage coders: disabling them or taking manage_coders away would "
            "leave no one to change an account; give another coder manage_coders first");
    }
}

void check_may_review(const Coder& reviewer, std::string_view stance, std::string_view coder) {
    const std::string where = fmt::format("review of stance \"{}\"", stance);
    if (reviewer.disabled) {
        throw invalid_input_error(where, fmt::format("coder \"{}\" is disabled and cannot review", reviewer.name));
    }
    if (!reviewer.permissions.has(Permission::review)) {
        throw invalid_input_error(where, fmt::format("coder \"{}\" lacks the permission review; an admin can grant "
                                                     "it (stance coders set {} --grant review)",
                                                     reviewer.name, reviewer.name));
    }
    if (coder == reviewer.name) {
        throw invalid_input_error(
            where, fmt::format("coder \"{}\" coded this stance; another reviewer must review it", reviewer.name));
    }
}

} // namespace stance::detail
