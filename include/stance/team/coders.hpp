// Coder accounts of a team (docs/team.md): who may log in to `stance serve --team`, with which role
// and permissions, and the reviews reviewers give to others' stances. The accounts live in the same
// database as the data (schema version 8, SQLite or PostgreSQL), so a team shares one address.
// Passwords are kept only as salted scrypt hashes (OpenSSL); nothing here ever returns one.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stance/model/ids.hpp"

namespace stance {

struct OpenOptions; // stance/store/store.hpp

/// A coder's role: each grants a default set of permissions (default_permissions), which an admin
/// may then widen or narrow one permission at a time, as the Discourse Network Analyzer allows.
enum class CoderRole : std::uint8_t { reader, coder, reviewer, admin };

[[nodiscard]] std::string_view to_string(CoderRole role) noexcept;
[[nodiscard]] std::optional<CoderRole> parse_coder_role(std::string_view text) noexcept;

/// One thing a coder may do. Reading is implied by every account.
enum class Permission : std::uint8_t {
    code_stances,     ///< add stances; edit and delete one's own
    edit_others,      ///< edit or delete stances other coders coded
    review,           ///< accept or reject others' stances, and suggestions
    add_documents,    ///< add documents and edit their details
    delete_documents, ///< delete documents (with nothing referring to them)
    import_data,      ///< import datasets and undo change sets
    manage_coders,    ///< add coders, change their roles and permissions, reset passwords
};

[[nodiscard]] std::string_view to_string(Permission permission) noexcept;
[[nodiscard]] std::optional<Permission> parse_permission(std::string_view text) noexcept;

/// A set of permissions, stored as a bit mask.
class PermissionSet {
public:
    PermissionSet() = default;
    PermissionSet(std::initializer_list<Permission> permissions);

    [[nodiscard]] bool has(Permission permission) const noexcept;
    void grant(Permission permission) noexcept;
    void withdraw(Permission permission) noexcept;
    [[nodiscard]] std::uint32_t bits() const noexcept { return m_bits; }
    [[nodiscard]] static PermissionSet from_bits(std::uint32_t bits) noexcept;
    /// Every permission of the set, in the enum's order.
    [[nodiscard]] std::vector<Permission> list() const;

    friend bool operator==(const PermissionSet&, const PermissionSet&) = default;

private:
    std::uint32_t m_bits = 0;
};

/// reader: none; coder: code_stances, add_documents; reviewer: those and review, edit_others;
/// admin: all.
[[nodiscard]] PermissionSet default_permissions(CoderRole role);

struct Coder {
    /// The login, and what the history records as the author of this coder's changes and what
    /// stances carry as their `coder`: lowercase letters, digits, '.', '-' and '_', 1 to 64 bytes.
    std::string name;
    std::string display_name;
    CoderRole role = CoderRole::coder;
    PermissionSet permissions = default_permissions(CoderRole::coder);
    bool disabled = false;    ///< A disabled coder cannot log in; their work and name stay.
    std::string created_at{}; ///< UTC ISO 8601, set by the directory.
};

/// A reviewer's verdict on a stance another coder coded. The newest review of a stance counts.
struct StanceReview {
    enum class Verdict : std::uint8_t { accepted, rejected };
    StanceId stance;
    Verdict verdict = Verdict::accepted;
    std::string reviewer; ///< A coder's name.
    std::string comment{};
    std::string reviewed_at{}; ///< UTC ISO 8601, set by the directory.
};

[[nodiscard]] std::string_view to_string(StanceReview::Verdict verdict) noexcept;
[[nodiscard]] std::optional<StanceReview::Verdict> parse_verdict(std::string_view text) noexcept;

/// The coder accounts and reviews of one database. Every method is one transaction.
class CoderDirectory {
public:
    /// Opens the accounts of the database at `address` (a SQLite path or a PostgreSQL address, as
    /// Store::open takes), migrating it to the current schema first, with Store::open's errors.
    /// `read_only` refuses writes (storage_error) and migrates nothing.
    [[nodiscard]] static std::unique_ptr<CoderDirectory> open(const std::string& address, bool read_only = false);
    /// As above, with the rest of Store::open's options (`busy_timeout_ms`: how long a write waits for
    /// another writer before busy_error); `author` is not used, since accounts are not in the history.
    [[nodiscard]] static std::unique_ptr<CoderDirectory> open(const std::string& address, const OpenOptions& options);

    CoderDirectory() = default;
    CoderDirectory(const CoderDirectory&) = delete;
    CoderDirectory& operator=(const CoderDirectory&) = delete;
    virtual ~CoderDirectory() = default;

    /// All accounts, by name.
    [[nodiscard]] virtual std::vector<Coder> coders() const = 0;
    [[nodiscard]] virtual std::optional<Coder> coder(std::string_view name) const = 0;

    /// Creates an account (its `created_at` is now). invalid_input_error when the name is taken or
    /// not a valid name, the display name is not UTF-8, holds control characters or is longer than
    /// 200 bytes, or the password is shorter than 10 characters, longer than 1024 bytes or holds a
    /// NUL byte (the message says which, never the password).
    virtual void add(const Coder& coder, std::string_view password) = 0;
    /// Changes display name, role, permissions and disabled of the account `coder.name`.
    /// not_found_error when there is none; invalid_input_error when the display name is refused
    /// (as by add) or the change would leave no enabled coder with manage_coders where one was.
    virtual void update(const Coder& coder) = 0;
    /// Replaces the account's password (hashed with the current parameters). not_found_error when
    /// there is no such account; invalid_input_error for a password add would refuse.
    virtual void set_password(std::string_view name, std::string_view password) = 0;

    /// The account when `name` exists, is enabled and `password` is its password; nothing
    /// otherwise, in about the same time whichever it is (so a caller learns nothing of which).
    [[nodiscard]] virtual std::optional<Coder> authenticate(std::string_view name, std::string_view password) const = 0;

    /// Records a review (its `reviewed_at` is now). not_found_error when the stance or the reviewer
    /// does not exist; invalid_input_error when the reviewer coded the stance themselves, is
    /// disabled or lacks Permission::review, or the comment is not UTF-8 or longer than 4000 bytes.
    virtual void record(const StanceReview& review) = 0;
    /// The reviews of one stance, oldest first.
    [[nodiscard]] virtual std::vector<StanceReview> reviews(const StanceId& stance) const = 0;
    /// The newest review of each stance that has one, by stance id.
    [[nodiscard]] virtual std::vector<StanceReview> latest_reviews() const = 0;
};

/// What copy_team copied.
struct TeamCopySummary {
    std::size_t coders = 0;
    std::size_t reviews = 0;
};

/// Copies every coder account of the database at `from` (with its password's scrypt record, so the
/// same passwords log in; its role, permissions, disabled flag and creation time) and every review
/// (oldest first, their times kept) into the database at `to`, in one transaction of `to`: what
/// `stance copy` does after copy_store has copied the data, whose stance ids the reviews name.
/// Refused (invalid_input_error) when `to` already has coders. `options` open `to` (busy timeout);
/// `from` is opened read-only.
TeamCopySummary copy_team(const std::string& from, const std::string& to, const OpenOptions& options);

} // namespace stance
