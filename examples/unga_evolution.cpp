// How did the Netherlands vote on the Palestinian conflict in the UN General Assembly, decade by
// decade? Runs the generic evolution query per year on a database written by unga_import, with the
// roll calls' issues matched on their agenda items, and folds the years into decades.
//
// Usage: unga_evolution DATABASE [ACTOR [ISSUE]]   (defaults: Netherlands, "Palestinian conflict")
#include <iostream>
#include <map>
#include <string>

#include <fmt/format.h>

#include "stance/database.hpp"
#include "stance/error.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: unga_evolution DATABASE [ACTOR [ISSUE]]\n";
        return 2;
    }
    try {
        stance::OpenOptions read_only;
        read_only.read_only = true;
        const auto db = stance::Database::open(argv[1], read_only);
        const char* actor = argc > 2 ? argv[2] : "Netherlands";
        const char* issue = argc > 3 ? argv[3] : "Palestinian conflict";

        stance::EvolutionOptions options;
        options.by = stance::Period::year;
        const stance::Evolution result = db.evolution(actor, issue, options);

        std::map<int, stance::PositionSummary> decades;
        for (const stance::PeriodSummary& year : result.periods) {
            stance::PositionSummary& decade = decades[year.first.year() / 10 * 10];
            for (stance::PositionKind kind : stance::all_position_kinds) {
                for (std::size_t i = 0; i < year.summary.count(kind); ++i) {
                    decade.add(kind, stance::default_score(kind));
                }
            }
        }
        fmt::print("{} on {}: {} votes\n", result.actor_name, result.topic_label, result.overall.n);
        fmt::print("decade  votes  yes   no  abstain  share yes  mean\n");
        for (const auto& [decade, summary] : decades) {
            fmt::print("{}s  {:>5}  {:>3}  {:>3}  {:>7}  {:>8.0f}%  {:+.2f}\n", decade, summary.n,
                       summary.count(stance::PositionKind::support), summary.count(stance::PositionKind::oppose),
                       summary.count(stance::PositionKind::abstain), 100.0 * summary.share_support.value_or(0.0),
                       summary.mean_score.value_or(0.0));
        }
        fmt::print("shifts between years (mean score moved by 0.5 or more, or the most frequent vote changed): {}\n",
                   result.shifts.size());
        for (const stance::Shift& shift : result.shifts) {
            fmt::print("  {} -> {}: {:+.2f} -> {:+.2f}\n", shift.before, shift.after, shift.score_before.value_or(0.0),
                       shift.score_after.value_or(0.0));
        }
    } catch (const stance::error& failure) {
        std::cerr << "unga_evolution: " << failure.what() << '\n';
        return 1;
    }
    return 0;
}
