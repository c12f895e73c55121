// The rules every account and review passes before it is written (docs/team.md), whichever backend
// keeps it: one place, so the SQLite and PostgreSQL directories cannot differ. Each throws
// invalid_input_error saying which rule, never repeating a password. Internal to the directory.
#pragma once

#include <string_view>
#include <vector>

#include "stance/team/coders.hpp"

namespace stance::detail {

inline constexpr std::size_t max_coder_name_bytes = 64;
inline constexpr std::size_t max_display_name_bytes = 200;
inline constexpr std::size_t min_password_characters = 10;
inline constexpr std::size_t max_password_bytes = 1024;
inline constexpr std::size_t max_review_comment_bytes = 4000;

/// Whether `name` is a coder's name: lowercase ASCII letters, digits, '.', '-' and '_', 1 to 64 bytes.
[[nodiscard]] bool is_valid_coder_name(std::string_view name) noexcept;

void check_coder_name(std::string_view name);
void check_display_name(std::string_view display_name);
/// `whose` names the account in the message ("the password of coder \"ana\"").
void check_password(std::string_view password, std::string_view whose);
void check_review_comment(std::string_view comment);

/// Whether `coder` may manage coders now: enabled and holding manage_coders.
[[nodiscard]] bool can_manage_coders(const Coder& coder) noexcept;

/// Refuses `changed` when it would take away the last enabled coder with manage_coders among
/// `everyone` (as stored before the change): the team could then never change an account again.
void check_keeps_a_manager(const std::vector<Coder>& everyone, const Coder& changed);

/// Refuses a review by `reviewer` of a stance coded by `coder` (the stance's `coder` field).
void check_may_review(const Coder& reviewer, std::string_view stance, std::string_view coder);

} // namespace stance::detail
