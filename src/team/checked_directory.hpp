// The coder directory of either backend: the rules of coder_rules.hpp applied over a backend's
// CoderTables, each method one transaction. Internal; users get it through CoderDirectory::open.
#pragma once

#include <memory>
#include <string>

#include "stance/store/store.hpp"
#include "stance/team/coders.hpp"
#include "team/coder_tables.hpp"
#include "team/password_hash.hpp"

namespace stance::detail {

class CheckedCoderDirectory final : public CoderDirectory {
public:
    /// `cost`: of the passwords this directory hashes (tests pass a cheap one).
    CheckedCoderDirectory(std::unique_ptr<CoderTables> tables, bool read_only, ScryptCost cost);

    [[nodiscard]] std::vector<Coder> coders() const override;
    [[nodiscard]] std::optional<Coder> coder(std::string_view name) const override;
    void add(const Coder& coder, std::string_view password) override;
    void update(const Coder& coder) override;
    void set_password(std::string_view name, std::string_view password) override;
    [[nodiscard]] std::optional<Coder> authenticate(std::string_view name, std::string_view password) const override;
    void record(const StanceReview& review) override;
    [[nodiscard]] std::vector<StanceReview> reviews(const StanceId& stance) const override;
    [[nodiscard]] std::vector<StanceReview> latest_reviews() const override;

private:
    void refuse_if_read_only(std::string_view what) const;
    [[nodiscard]] StoredCoder existing(std::string_view name) const;

    std::unique_ptr<CoderTables> m_tables;
    bool m_read_only;
    ScryptCost m_cost;
};

/// CoderDirectory::open with the cost of new passwords given (tests use a cheap one).
[[nodiscard]] std::unique_ptr<CoderDirectory> open_coder_directory(const std::string& address,
                                                                   const OpenOptions& options, const ScryptCost& cost);

} // namespace stance::detail
