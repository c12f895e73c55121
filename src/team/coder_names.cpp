// The names of roles, permissions and verdicts (as the CLI, the database and the HTTP API spell
// them), permission sets, and what each role grants by default. One table per enum
// (stance/model/enum_names.hpp), so a name is written once.
#include <array>

#include "stance/model/enum_names.hpp"
#include "stance/team/coders.hpp"

namespace stance {

namespace {

constexpr std::array<EnumName<CoderRole>, 4> role_names{{
    {CoderRole::reader, "reader"},
    {CoderRole::coder, "coder"},
    {CoderRole::reviewer, "reviewer"},
    {CoderRole::admin, "admin"},
}};

constexpr std::array<EnumName<Permission>, 7> permission_names{{
    {Permission::code_stances, "code_stances"},
    {Permission::edit_others, "edit_others"},
    {Permission::review, "review"},
    {Permission::add_documents, "add_documents"},
    {Permission::delete_documents, "delete_documents"},
    {Permission::import_data, "import_data"},
    {Permission::manage_coders, "manage_coders"},
}};

constexpr std::array<EnumName<StanceReview::Verdict>, 2> verdict_names{{
    {StanceReview::Verdict::accepted, "accepted"},
    {StanceReview::Verdict::rejected, "rejected"},
}};

constexpr std::uint32_t bit_of(Permission permission) noexcept {
    return std::uint32_t{1} << static_cast<unsigned>(permission);
}

// Every bit a permission of this stance stands for; others (a newer stance's) are dropped on reading.
constexpr std::uint32_t known_bits = (std::uint32_t{1} << permission_names.size()) - 1;

} // namespace

std::string_view to_string(CoderRole role) noexcept {
    return name_in(role_names, role);
}

std::optional<CoderRole> parse_coder_role(std::string_view text) noexcept {
    return value_in(role_names, text);
}

std::string_view to_string(Permission permission) noexcept {
    return name_in(permission_names, permission);
}

std::optional<Permission> parse_permission(std::string_view text) noexcept {
    return value_in(permission_names, text);
}

std::string_view to_string(StanceReview::Verdict verdict) noexcept {
    return name_in(verdict_names, verdict);
}

std::optional<StanceReview::Verdict> parse_verdict(std::string_view text) noexcept {
    return value_in(verdict_names, text);
}

PermissionSet::PermissionSet(std::initializer_list<Permission> permissions) {
    for (const Permission permission : permissions) {
        grant(permission);
    }
}

bool PermissionSet::has(Permission permission) const noexcept {
    return (m_bits & bit_of(permission)) != 0;
}

void PermissionSet::grant(Permission permission) noexcept {
    m_bits |= bit_of(permission);
}

void PermissionSet::withdraw(Permission permission) noexcept {
    m_bits &= ~bit_of(permission);
}

PermissionSet PermissionSet::from_bits(std::uint32_t bits) noexcept {
    PermissionSet set;
    set.m_bits = bits & known_bits;
    return set;
}

std::vector<Permission> PermissionSet::list() const {
    std::vector<Permission> permissions;
    for (const Permission permission : values_in(permission_names)) {
        if (has(permission)) {
            permissions.push_back(permission);
        }
    }
    return permissions;
}

PermissionSet default_permissions(CoderRole role) {
    switch (role) {
    case CoderRole::reader: return {};
    case CoderRole::coder: return {Permission::code_stances, Permission::add_documents};
    case CoderRole::reviewer:
        return {Permission::code_stances, Permission::add_documents, Permission::review, Permission::edit_others};
    case CoderRole::admin: return PermissionSet::from_bits(known_bits);
    }
    return {};
}

} // namespace stance
