// Who voted with whom in one UN General Assembly session? Computes the agreement matrix of every
// pair of states that voted in the session (from a database written by unga_import) and prints, for
// one country, its closest and most distant partners by Signorino and Ritter's S, then the pairs
// of the whole session that agreed most and least.
//
// Usage: unga_blocs DATABASE [SESSION [COUNTRY]]   (defaults: 71, Netherlands)
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "stance/database.hpp"
#include "stance/error.hpp"

namespace {

struct Pair {
    std::size_t first;
    std::size_t second;
    double s;
    std::uint32_t n;
};

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: unga_blocs DATABASE [SESSION [COUNTRY]]\n";
        return 2;
    }
    try {
        stance::OpenOptions read_only;
        read_only.read_only = true;
        const auto db = stance::Database::open(argv[1], read_only);
        const int session = argc > 2 ? std::stoi(argv[2]) : 71;
        const stance::ActorId country = db.actor(argc > 3 ? argv[3] : "Netherlands");
        const stance::AgreementMatrix matrix = db.agreement_matrix(stance::unga_session_meeting(session).str());
        fmt::print("{}: {} roll calls, {} states voted\n", matrix.label, matrix.roll_calls, matrix.actors.size());

        const auto found = std::find(matrix.actors.begin(), matrix.actors.end(), country);
        if (found == matrix.actors.end()) {
            std::cerr << "unga_blocs: " << country.str() << " cast no vote in session " << session << '\n';
            return 1;
        }
        const auto self = static_cast<std::size_t>(found - matrix.actors.begin());
        std::vector<Pair> partners;
        std::vector<Pair> pairs;
        for (std::size_t i = 0; i < matrix.actors.size(); ++i) {
            for (std::size_t j = i + 1; j < matrix.actors.size(); ++j) {
                const stance::AgreementCounts& counts = matrix.at(i, j);
                if (counts.n < 10) {
                    continue; // too few common roll calls to say much
                }
                const Pair pair{i, j, *counts.s_score(), counts.n};
                pairs.push_back(pair);
                if (i == self || j == self) {
                    partners.push_back(pair);
                }
            }
        }
        const auto by_s = [](const Pair& a, const Pair& b) { return a.s > b.s; };
        std::stable_sort(partners.begin(), partners.end(), by_s);
        std::stable_sort(pairs.begin(), pairs.end(), by_s);
        const auto other = [&](const Pair& pair) { return pair.first == self ? pair.second : pair.first; };
        const auto print_partner = [&](const Pair& pair) {
            fmt::print("  {:<32} S {:+.3f}  ({} roll calls)\n", matrix.names[other(pair)], pair.s, pair.n);
        };
        fmt::print("closest to {}:\n", matrix.names[self]);
        for (std::size_t i = 0; i < std::min<std::size_t>(5, partners.size()); ++i) {
            print_partner(partners[i]);
        }
        fmt::print("most distant from {}:\n", matrix.names[self]);
        for (std::size_t i = partners.size() - std::min<std::size_t>(5, partners.size()); i < partners.size(); ++i) {
            print_partner(partners[i]);
        }
        if (!pairs.empty()) {
            fmt::print("most alike pair: {} and {} (S {:+.3f}); least alike: {} and {} (S {:+.3f})\n",
                       matrix.names[pairs.front().first], matrix.names[pairs.front().second], pairs.front().s,
                       matrix.names[pairs.back().first], matrix.names[pairs.back().second], pairs.back().s);
        }
    } catch (const stance::error& failure) {
        std::cerr << "unga_blocs: " << failure.what() << '\n';
        return 1;
    }
    return 0;
}
