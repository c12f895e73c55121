// Data built in code rather than read from a dataset file: the text of the Dutch Prime Minister's
// speech in the general debate of the UN General Assembly of 2022 (data/general-debate, the UN
// General Debate Corpus, CC0), two of its sentences coded as stances of the Netherlands with the
// fluent DatasetBuilder and one entity written with designated initialisers, imported through the
// facade and read back with the entity formatters. The spans come out as the hand coding of the
// same sentences in data/general-debate/nld-russia-ukraine.json has them.
//
// Usage: build_in_code [NLD_77_2022.txt]
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "stance/database.hpp"
#include "stance/error.hpp"
#include "stance/model/dataset_builder.hpp"
#include "stance/model/format.hpp"

namespace {

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw stance::invalid_input_error(file.string(), "cannot be read");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

int main(int argc, char** argv) {
    const std::filesystem::path speech = argc > 1 ? argv[1] : STANCE_GENERAL_DEBATE_DIR "/NLD_77_2022.txt";
    try {
        stance::DatasetBuilder data;
        data.actor("nld", stance::ActorKind::state, "Netherlands", {{"nl", "Nederland"}}, "NL", "NLD")
            .topic("russia-war-against-ukraine", "Russia's war against Ukraine")
            .body("unga", "UN General Assembly");
        // Designated initialisers: every field has a default, so only what is known is named.
        data.add(stance::Meeting{.id = stance::MeetingId{"unga-gd-77"},
                                 .body = stance::BodyId{"unga"},
                                 .title = "General debate of the 77th session of the UN General Assembly",
                                 .level = "heads_of_state",
                                 .date = stance::Date{2022, 9, 20},
                                 .place = "New York",
                                 .end_date = stance::Date{2022, 9, 26}});
        // The speech with its text: the stances quote it, each quote found in it.
        data.document("ungdc-nld-77-2022", "Statement by Mark Rutte, Prime Minister of the Netherlands (2022)", "en",
                      read_file(speech));
        const stance::Date spoken{2022, 9, 23};
        data.stance("nld-putin-will-not-stop", "nld", "russia-war-against-ukraine", "unga-gd-77",
                    stance::PositionKind::support, "He will not stop at Ukraine if we do not stop him now.")
            .stated_on = spoken;
        data.stance("nld-support-as-long-as-it-takes", "nld", "russia-war-against-ukraine", "unga-gd-77",
                    stance::PositionKind::support,
                    "Together with our allies, the Netherlands will continue to support Ukraine in any way we can "
                    "and for however long it takes, every inch of the way.")
            .stated_on = spoken;

        auto db = stance::Database::open(":memory:");
        db.import(data.build(), "built in code");
        for (const stance::Stance& stance : db.stances()) {
            fmt::print("{}\n", stance);
        }
        const stance::Evolution nl = db.evolution("Nederland", "Russia's war");
        fmt::print("{}: {} statements on {}, mean {:+.2f}\n", db.catalog().actor(nl.actor), nl.points.size(),
                   nl.topic_label, nl.overall.mean_score.value_or(0.0));
    } catch (const stance::error& failure) {
        std::cerr << "build_in_code: " << failure.what() << '\n';
        return 1;
    }
    return 0;
}
