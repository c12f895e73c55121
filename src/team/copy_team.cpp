// copy_team: the accounts and reviews of one database into another (stance/team/coders.hpp), through
// both backends' CoderTables, so that a team moving from SQLite to PostgreSQL (or back) keeps its
// logins and its reviewers' verdicts. The password records move as stored: nobody needs to set a
// password again, and no password is ever seen.
#include <set>

#include "stance/error.hpp"
#include "stance/team/coders.hpp"
#include "team/coder_tables.hpp"

namespace stance {

namespace {

/// Every account of `tables` with its password record.
std::vector<detail::StoredCoder> stored_coders(const detail::CoderTables& tables) {
    std::vector<detail::StoredCoder> out;
    for (const Coder& coder : tables.all_coders()) {
        if (std::optional<detail::StoredCoder> stored = tables.find(coder.name)) {
            out.push_back(std::move(*stored));
        }
    }
    return out;
}

/// Every review of `tables`, stance by stance, each stance's oldest first.
std::vector<StanceReview> every_review(const detail::CoderTables& tables) {
    std::vector<StanceReview> out;
    for (const StanceReview& newest : tables.newest_reviews()) {
        for (StanceReview& review : tables.reviews_of(newest.stance)) {
            out.push_back(std::move(review));
        }
    }
    return out;
}

} // namespace

TeamCopySummary copy_team(const std::string& from, const std::string& to, const OpenOptions& options) {
    OpenOptions reading = options;
    reading.read_only = true;
    const auto source = detail::open_coder_tables(from, reading);
    std::vector<detail::StoredCoder> coders;
    std::vector<StanceReview> reviews;
    source->read("reading the coders and reviews to copy", [&] {
        coders = stored_coders(*source);
        reviews = every_review(*source);
    });

    const auto target = detail::open_coder_tables(to, options);
    target->write("copying the coders and reviews", [&] {
        if (!target->all_coders().empty()) {
            throw invalid_input_error("copy target", "it already has coder accounts; copy into a new database");
        }
        for (const detail::StoredCoder& stored : coders) {
            target->insert(stored.coder, stored.password_hash);
        }
        for (const StanceReview& review : reviews) {
            target->insert_review(review);
        }
    });
    return TeamCopySummary{coders.size(), reviews.size()};
}

} // namespace stance
