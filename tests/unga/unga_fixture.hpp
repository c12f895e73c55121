// The UNGA test fixture (tests/data/unga, cut from the real tables by scripts/cut_unga_fixture.py)
// and expectations counted straight from its lines, independently of the importer.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"

namespace stance::test {

inline std::filesystem::path unga_fixture() {
    return source_dir() / "tests/data/unga";
}

/// The first `count` comma-separated fields of a line (enough for the unquoted leading columns).
inline std::vector<std::string> leading_fields(const std::string& line, std::size_t count) {
    std::vector<std::string> fields;
    std::size_t begin = 0;
    while (fields.size() < count) {
        const std::size_t end = line.find(',', begin);
        fields.push_back(line.substr(begin, end == std::string::npos ? std::string::npos : end - begin));
        if (end == std::string::npos) {
            break;
        }
        begin = end + 1;
    }
    return fields;
}

/// Lines of a fixture table without its header.
inline std::vector<std::string> fixture_rows(const std::string& table) {
    std::istringstream in(read_text(unga_fixture() / table));
    std::vector<std::string> rows;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        rows.push_back(line);
    }
    return rows;
}

struct FixtureVote {
    std::int64_t rcid;
    std::string country;
    std::string vote; // yes, no, abstain
};

/// un_votes.csv of the fixture (its country names hold no commas or quotes).
inline std::vector<FixtureVote> fixture_votes() {
    std::vector<FixtureVote> votes;
    for (const std::string& line : fixture_rows("un_votes.csv")) {
        const auto last = line.rfind(',');
        const auto fields = leading_fields(line, 2);
        votes.push_back(FixtureVote{std::stoll(fields[0]), fields[1], line.substr(last + 1)});
    }
    return votes;
}

/// rcid → issue codes.
inline std::map<std::int64_t, std::set<std::string>> fixture_issues() {
    std::map<std::int64_t, std::set<std::string>> issues;
    for (const std::string& line : fixture_rows("un_roll_call_issues.csv")) {
        const auto fields = leading_fields(line, 2);
        issues[std::stoll(fields[0])].insert(fields[1]);
    }
    return issues;
}

/// rcid → session.
inline std::map<std::int64_t, int> fixture_sessions() {
    std::map<std::int64_t, int> sessions;
    for (const std::string& line : fixture_rows("un_roll_calls.csv")) {
        const auto fields = leading_fields(line, 2);
        sessions[std::stoll(fields[0])] = std::stoi(fields[1]);
    }
    return sessions;
}

} // namespace stance::test
