// An outside program that uses stance as a user's would, through the facade (stance/database.hpp),
// built against the installed package (find_package) and against the source tree
// (add_subdirectory); tests/consumer/run.cmake checks what it prints.
#include <exception>
#include <iostream>

#include <fmt/format.h>

#include <stance/stance.hpp>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: consumer DATASET.json\n";
        return 2;
    }
    try {
        auto db = stance::Database::open(":memory:");
        db.import_file(argv[1]);
        // A query in three lines: the database, the question in the reader's own words, the answer.
        const stance::Evolution usa = db.evolution("Verenigde Staten", "Trans-Atlantische betrekkingen");
        for (const stance::ActorStance& point : usa.points) {
            fmt::print("{} {} {} {}\n", point.stance.actor, point.stance.kind, point.stance.topic, point.stance);
        }
        fmt::print("stance {}\n", stance::version);
    } catch (const stance::error& failure) {
        std::cerr << "consumer: " << failure.what() << '\n';
        return 1;
    }
    return 0;
}
