// The rules of accounts and reviews over a backend's tables; see checked_directory.hpp. Passwords are
// hashed before a write transaction starts and checked after a read ends: scrypt takes half a
// second on purpose, and no other writer should wait for it.
#include "team/checked_directory.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/store/history.hpp"
#include "team/coder_rules.hpp"

namespace stance::detail {

namespace {

std::string password_of(std::string_view name) {
    return fmt::format("the password of coder \"{}\"", name);
}

std::string quoted_name(std::string_view name) {
    return is_valid_coder_name(name) ? fmt::format("\"{}\"", name) : std::string("of that name");
}

} // namespace

CheckedCoderDirectory::CheckedCoderDirectory(std::unique_ptr<CoderTables> tables, bool read_only, ScryptCost cost)
    : m_tables(std::move(tables)), m_read_only(read_only), m_cost(cost) {}

void CheckedCoderDirectory::refuse_if_read_only(std::string_view what) const {
    if (m_read_only) {
        throw storage_error(fmt::format("cannot {} in {}: its coder accounts were opened read-only; open them "
                                        "read-write",
                                        what, m_tables->shown()));
    }
}

StoredCoder CheckedCoderDirectory::existing(std::string_view name) const {
    std::optional<StoredCoder> found = is_valid_coder_name(name) ? m_tables->find(name) : std::nullopt;
    if (!found) {
        throw not_found_error(fmt::format("there is no coder {} in {}; `stance coders list` lists the accounts",
                                          quoted_name(name), m_tables->shown()));
    }
    return std::move(*found);
}

std::vector<Coder> CheckedCoderDirectory::coders() const {
    std::vector<Coder> all;
    m_tables->read(fmt::format("reading the coders of {}", m_tables->shown()), [&] { all = m_tables->all_coders(); });
    return all;
}

std::optional<Coder> CheckedCoderDirectory::coder(std::string_view name) const {
    if (!is_valid_coder_name(name)) {
        return std::nullopt;
    }
    std::optional<StoredCoder> found;
    m_tables->read(fmt::format("reading coder \"{}\" from {}", name, m_tables->shown()),
                   [&] { found = m_tables->find(name); });
    return found ? std::optional<Coder>(std::move(found->coder)) : std::nullopt;
}

void CheckedCoderDirectory::add(const Coder& coder, std::string_view password) {
    refuse_if_read_only("add a coder");
    check_coder_name(coder.name);
    check_display_name(coder.display_name);
    check_password(password, password_of(coder.name));
    const std::string record = hash_password(password, m_cost);
    m_tables->write(fmt::format("adding coder \"{}\" to {}", coder.name, m_tables->shown()), [&] {
        if (m_tables->find(coder.name)) {
            throw invalid_input_error(fmt::format("coder \"{}\"", coder.name),
                                      "the name is taken by another account; choose another name, or change that "
                                      "account (stance coders set)");
        }
        Coder stored = coder;
        stored.created_at = utc_now();
        m_tables->insert(stored, record);
    });
}

void CheckedCoderDirectory::update(const Coder& coder) {
    refuse_if_read_only("change a coder");
    check_display_name(coder.display_name);
    m_tables->write(fmt::format("changing coder {} in {}", quoted_name(coder.name), m_tables->shown()), [&] {
        (void)existing(coder.name);
        check_keeps_a_manager(m_tables->all_coders(), coder);
        m_tables->change(coder);
    });
}

void CheckedCoderDirectory::set_password(std::string_view name, std::string_view password) {
    refuse_if_read_only("change a password");
    const std::string doing =
        fmt::format("changing the password of coder {} in {}", quoted_name(name), m_tables->shown());
    m_tables->read(doing, [&] { (void)existing(name); }); // before half a second of hashing
    check_password(password, password_of(name));
    const std::string record = hash_password(password, m_cost);
    m_tables->write(doing, [&] {
        (void)existing(name);
        m_tables->change_password(name, record);
    });
}

std::optional<Coder> CheckedCoderDirectory::authenticate(std::string_view name, std::string_view password) const {
    std::optional<StoredCoder> found;
    if (is_valid_coder_name(name)) {
        m_tables->read(fmt::format("checking a login at {}", m_tables->shown()), [&] { found = m_tables->find(name); });
    }
    // No stored password is this long or holds a NUL byte (check_password), which scrypt's HMAC would
    // take for the end of the one without it: such a login fails, after the same work.
    if (password.size() > max_password_bytes || password.find('\0') != std::string_view::npos) {
        password = password.substr(0, std::min(password.size(), max_password_bytes));
        found.reset();
    }
    if (!found) {
        spend_password_work(password, m_cost);
        return std::nullopt;
    }
    // A disabled account's password is checked too, so its answer takes as long as any other.
    if (!password_matches(password, found->password_hash) || found->coder.disabled) {
        return std::nullopt;
    }
    return std::move(found->coder);
}

void CheckedCoderDirectory::record(const StanceReview& review) {
    refuse_if_read_only("record a review");
    check_review_comment(review.comment);
    const std::string& id = review.stance.str();
    const std::string shown_id = is_valid_id(id) ? fmt::format("\"{}\"", id) : std::string("of that id");
    m_tables->write(fmt::format("recording a review of stance {} in {}", shown_id, m_tables->shown()), [&] {
        const StoredCoder reviewer = existing(review.reviewer);
        const std::optional<Stance> stance = is_valid_id(id) ? m_tables->stance(review.stance) : std::nullopt;
        if (!stance) {
            throw not_found_error(
                fmt::format("there is no stance {} in {}; `stance stances` lists them", shown_id, m_tables->shown()));
        }
        check_may_review(reviewer.coder, id, stance->coder);
        StanceReview stored = review;
        stored.reviewed_at = utc_now();
        m_tables->insert_review(stored);
    });
}

std::vector<StanceReview> CheckedCoderDirectory::reviews(const StanceId& stance) const {
    std::vector<StanceReview> found;
    m_tables->read(fmt::format("reading the reviews of {}", m_tables->shown()),
                   [&] { found = m_tables->reviews_of(stance); });
    return found;
}

std::vector<StanceReview> CheckedCoderDirectory::latest_reviews() const {
    std::vector<StanceReview> found;
    m_tables->read(fmt::format("reading the reviews of {}", m_tables->shown()),
                   [&] { found = m_tables->newest_reviews(); });
    return found;
}

} // namespace stance::detail
