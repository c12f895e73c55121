// `stance reviews`: the verdicts reviewers gave on others' stances (docs/team.md): the newest of
// each stance, or every review of one stance, oldest first.
#include <iostream>

#include "commands.hpp"
#include "stance/team/coders.hpp"
#include "table.hpp"

namespace stance::cli {

namespace {

struct ReviewsCommand {
    std::string stance;
    Format format = Format::text;
};

void run_reviews(const Context& context, const ReviewsCommand& command) {
    auto directory = context.open_coders(true);
    const std::vector<StanceReview> reviews =
        command.stance.empty() ? directory->latest_reviews() : directory->reviews(StanceId{command.stance});
    Table table;
    table.columns = {"stance", "verdict", "reviewer", "reviewed_at", "comment"};
    for (const StanceReview& review : reviews) {
        table.rows.push_back({review.stance.str(), std::string(to_string(review.verdict)), review.reviewer,
                              review.reviewed_at, review.comment});
    }
    table.print(std::cout, command.format);
}

} // namespace

void setup_reviews(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "reviews", "Reviewers' verdicts on stances: the newest of each, or all of one stance (docs/team.md)");
    auto options = std::make_shared<ReviewsCommand>();
    command->add_option("--stance", options->stance, "Every review of this stance, oldest first");
    add_format_option(*command, options->format);
    command->callback([&context, options] { run_reviews(context, *options); });
}

} // namespace stance::cli
