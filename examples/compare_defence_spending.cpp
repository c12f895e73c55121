// Where do the Netherlands and the United States agree on defence spending? Loads the seed dataset
// into an in-memory store, compares the two actors per proposition under "Defence spending" and
// prints the verdicts with the evidence on each side.
//
// Usage: compare_defence_spending [DATASET.json]
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "stance/database.hpp"
#include "stance/error.hpp"
#include "stance/model/format.hpp"

namespace {

void print_side(const std::string& name, const stance::CompareSide& side) {
    if (!side.has_position()) {
        fmt::print("    {}: no position\n", name);
    } else {
        fmt::print("    {}: mean {:+.2f}{}\n", name, side.summary.mean_score.value_or(0.0),
                   side.inherited ? " (inherited from a collective statement)" : "");
    }
    for (const stance::ActorStance& item : side.stances) {
        fmt::print("      {} {} via {}: \"{}\"\n", item.date, item.stance.kind, item.via, item.stance.quote);
    }
}

} // namespace

int main(int argc, char** argv) {
    const std::string dataset = argc > 1 ? argv[1] : STANCE_SEED_DATASET;
    try {
        auto db = stance::Database::open(":memory:");
        db.import_file(dataset);

        stance::CompareOptions options;
        options.topic = db.topic("defence spending");
        const stance::Comparison result = db.compare("NL", "USA", options);

        fmt::print("{} vs {} on {}\n", result.first_name, result.second_name, result.topic_label);
        fmt::print("agree: {}, diverge: {}, only {}: {}, only {}: {}\n", result.count(stance::Agreement::agree),
                   result.count(stance::Agreement::diverge), result.first_name,
                   result.count(stance::Agreement::only_first), result.second_name,
                   result.count(stance::Agreement::only_second));
        for (const stance::CompareRow& row : result.rows) {
            fmt::print("\n{:<12} {}\n", row.agreement, row.topic_label);
            if (!row.statement.empty()) {
                fmt::print("  proposition: {}\n", row.statement);
            }
            print_side(result.first_name, row.first);
            print_side(result.second_name, row.second);
        }
    } catch (const stance::error& failure) {
        std::cerr << "compare_defence_spending: " << failure.what() << '\n';
        return 1;
    }
    return 0;
}
