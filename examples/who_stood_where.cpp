// Who stood where at the NATO foreign ministers' meeting of 31 March 2017? Loads the seed dataset
// into an in-memory store and prints, per topic, each actor's position at the ministerial and the
// meetings held within it (working session, working lunch, NATO-Ukraine Commission).
//
// Usage: who_stood_where [DATASET.json]
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "stance/database.hpp"
#include "stance/error.hpp"
#include "stance/model/format.hpp"

int main(int argc, char** argv) {
    const std::string dataset = argc > 1 ? argv[1] : STANCE_SEED_DATASET;
    try {
        auto db = stance::Database::open(":memory:");
        db.import_file(dataset);

        // A date names that day's top-level meeting: the ministerial, not its working lunch.
        const stance::Snapshot result = db.snapshot("2017-03-31");

        fmt::print("{} ({}, {})\n", result.meeting.title, result.meeting.date, result.meeting.place);
        for (std::size_t i = 1; i < result.meetings.size(); ++i) {
            fmt::print("  within it: {}\n", result.meetings[i].title);
        }
        fmt::print("Participants:");
        for (const stance::SnapshotParticipant& participant : result.participants) {
            fmt::print(" {}{};", participant.name, participant.person ? " (" + participant.person_name + ")" : "");
        }
        fmt::print("\n{} stances on {} topics\n", result.stance_count, result.topics.size());

        for (const stance::SnapshotTopic& topic : result.topics) {
            fmt::print("\n{}\n", topic.path);
            for (const stance::SnapshotActor& actor : topic.actors) {
                for (const stance::SnapshotStance& item : actor.stances) {
                    fmt::print("  {}: {}", actor.name, item.stance.kind);
                    if (item.stance.breadth != stance::Breadth::single) {
                        fmt::print(" ({})", item.stance.breadth);
                    }
                    if (item.speaker) {
                        fmt::print(" (speaker {})", item.speaker_name);
                    }
                    fmt::print("\n    \"{}\"\n", item.stance.quote);
                    if (item.stance.source) {
                        fmt::print("    source: {} [{}, {})\n", item.stance.source->document, item.stance.source->start,
                                   item.stance.source->end);
                    }
                }
            }
        }
    } catch (const stance::error& failure) {
        std::cerr << "who_stood_where: " << failure.what() << '\n';
        return 1;
    }
    return 0;
}
