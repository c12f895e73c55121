// How did the Netherlands' position on Russia evolve? Loads the seed dataset (the Dutch minister's
// report on the NATO foreign ministers' meeting of 31 March 2017) into an in-memory store and prints
// every statement that reaches the Netherlands on Russia and its subtopics, with the Dutch source
// words and where they stand in the report, then a summary per year and any shifts.
//
// Usage: nl_on_russia_evolution [DATASET.json]
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "stance/database.hpp"
#include "stance/error.hpp"
#include "stance/model/format.hpp"

namespace {

void print_point(const stance::ActorStance& point) {
    fmt::print("{}  {:<11} {:+.2f}  {}\n", point.date, point.stance.kind, point.stance.score, point.topic_label);
    fmt::print("            at {}\n", point.meeting_title);
    if (point.via != stance::Via::own) {
        fmt::print("            via {} {} (breadth {})\n", point.via, point.through_name, point.stance.breadth);
    }
    fmt::print("            \"{}\"\n", point.stance.quote);
    if (point.stance.source) {
        fmt::print("            source: {} [{}, {})\n", point.stance.source->document, point.stance.source->start,
                   point.stance.source->end);
    }
}

} // namespace

int main(int argc, char** argv) {
    const std::string dataset = argc > 1 ? argv[1] : STANCE_SEED_DATASET;
    try {
        auto db = stance::Database::open(":memory:");
        db.import_file(dataset);

        // References as a person would type them, in Dutch or English, any case, any accents.
        stance::EvolutionOptions options;
        options.by = stance::Period::year;
        const stance::Evolution result = db.evolution("Nederland", "Rusland", options);

        fmt::print("{} on {}: {} own statements, {} inherited from groups\n\n", result.actor_name, result.topic_label,
                   result.points.size(), result.inherited.size());
        fmt::print("Own statements\n");
        for (const stance::ActorStance& point : result.points) {
            print_point(point);
        }
        fmt::print("\nInherited (context; not counted)\n");
        for (const stance::ActorStance& point : result.inherited) {
            print_point(point);
        }
        fmt::print("\nPer year (own positions)\n");
        for (const stance::PeriodSummary& period : result.periods) {
            fmt::print("{}: n={} mean={:+.2f} share support={:.0f}%\n", period.key, period.summary.n,
                       period.summary.mean_score.value_or(0.0), period.summary.share_support.value_or(0.0) * 100.0);
        }
        fmt::print("Shifts: {}\n", result.shifts.size());
        for (const stance::Shift& shift : result.shifts) {
            fmt::print("  {} -> {}: {:+.2f}\n", shift.before, shift.after, shift.delta());
        }
    } catch (const stance::error& failure) {
        std::cerr << "nl_on_russia_evolution: " << failure.what() << '\n';
        return 1;
    }
    return 0;
}
