// How often did the Netherlands and the United States vote alike in the UN General Assembly, on all
// roll calls and on the Palestinian conflict? Prints, per decade of sessions, the share of identical
// votes, Cohen's kappa and Signorino and Ritter's S (docs/unga.md), from a database written by
// unga_import.
//
// Usage: unga_agreement DATABASE [FIRST SECOND]   (defaults: Netherlands, United States)
#include <iostream>
#include <map>
#include <string>

#include <fmt/format.h>

#include "stance/database.hpp"
#include "stance/error.hpp"

namespace {

std::string figure(const std::optional<double>& value) {
    return value ? fmt::format("{:+.2f}", *value) : std::string("  -  ");
}

void print_by_decade(const stance::VoteAgreement& result) {
    std::map<int, stance::AgreementCounts> decades;
    for (const stance::AgreementPeriod& session : result.periods) {
        stance::AgreementCounts& decade = decades[session.first.year() / 10 * 10];
        for (int first = 0; first < 3; ++first) {
            for (int second = 0; second < 3; ++second) {
                const auto count =
                    session.counts.table[static_cast<std::size_t>(first)][static_cast<std::size_t>(second)];
                for (std::uint32_t i = 0; i < count; ++i) {
                    decade.add(first, second);
                }
            }
        }
    }
    fmt::print("decade  roll calls  agree  share  kappa      S\n");
    for (const auto& [decade, counts] : decades) {
        fmt::print("{}s  {:>10}  {:>5}  {:>4.0f}%  {}  {}\n", decade, counts.n, counts.agree,
                   100.0 * counts.share().value_or(0.0), figure(counts.kappa()), figure(counts.s_score()));
    }
    fmt::print("all     {:>10}  {:>5}  {:>4.0f}%  {}  {}\n", result.overall.n, result.overall.agree,
               100.0 * result.overall.share().value_or(0.0), figure(result.overall.kappa()),
               figure(result.overall.s_score()));
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2 && argc != 4) {
        std::cerr << "usage: unga_agreement DATABASE [FIRST SECOND]\n";
        return 2;
    }
    try {
        stance::OpenOptions read_only;
        read_only.read_only = true;
        const auto db = stance::Database::open(argv[1], read_only);
        const char* first = argc == 4 ? argv[2] : "Netherlands";
        const char* second = argc == 4 ? argv[3] : "United States";

        stance::AgreementOptions options;
        options.by = stance::Period::session;
        const stance::VoteAgreement all = db.agreement(first, second, options);
        fmt::print("{} and {}, all roll calls both voted on\n", all.first_name, all.second_name);
        print_by_decade(all);

        options.topic = db.topic("Palestinian conflict");
        const stance::VoteAgreement palestine = db.agreement(first, second, options);
        fmt::print("\n{} and {}, {}\n", palestine.first_name, palestine.second_name,
                   db.catalog().topic_label(*options.topic));
        print_by_decade(palestine);
    } catch (const stance::error& failure) {
        std::cerr << "unga_agreement: " << failure.what() << '\n';
        return 1;
    }
    return 0;
}
