// Many coders at once, on each backend: two `stance serve --team` processes on one database (so
// that only the database's own write lock keeps writers apart, not a lock inside one server),
// several simulated coders, each a thread with its own login, coding and editing concurrently
// through the HTTP API on loopback, in bounded loops. Afterwards every accepted write is there;
// of the edits of one stance sent with the same If-Match exactly one wins and the others get 412;
// and no read ever shows half an edit (every edit sets the note and the paraphrase to one value).
#include <algorithm>
#include <atomic>
#include <functional>
#include <latch>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "backends.hpp"
#include "serve_support.hpp"
#include "team_support.hpp"

using namespace stance;
using namespace stance::test;

namespace {

constexpr int coder_count = 4;
constexpr int stances_per_coder = 5;
constexpr int race_rounds = 4;
constexpr int busy_retries = 8; // a writer of the other process may hold the lock: 503, then again

const std::string letter = "nl-mfa-letter-nac-fm-2017-03-31";
const std::string shared_stance = "nld-eu-security-role-complements-nato";

std::string coding_body(const std::string& id) {
    return boost::json::serialize(boost::json::object{{"document", letter},
                                                      {"actor", "Nederland"},
                                                      {"claim", "Rusland"},
                                                      {"position", "support"},
                                                      {"meeting", "2017-03-31"},
                                                      {"quote", "Vooral het onderwerp van vermindering van risico's "
                                                                "en militaire transparantie verdient daarbij "
                                                                "centrale aandacht."},
                                                      {"id", id}});
}

std::string edit_body(const std::string& tag) {
    return boost::json::serialize(boost::json::object{{"note", tag}, {"paraphrase", tag}});
}

/// `send` again while the database is busy (503), a bounded number of times.
Answer patiently(const std::function<Answer()>& send) {
    Answer answer = send();
    for (int retry = 0; retry < busy_retries && answer.status == 503; ++retry) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50 * (retry + 1)));
        answer = send();
    }
    return answer;
}

std::string text_of(const boost::json::value& stance, const char* field) {
    const auto* value = stance.as_object().if_contains(field);
    return value != nullptr && value->is_string() ? std::string(value->as_string()) : "";
}

/// What the coders' threads report, under one lock.
struct Outcome {
    std::mutex mutex;
    std::map<std::string, std::string> coded;  ///< stance id → its coder, for every 201
    std::map<std::string, std::string> edited; ///< stance id → the note of its accepted edit
    std::vector<std::string> failures;         ///< anything a thread found wrong
    void fail(const std::string& what) {
        const std::lock_guard lock(mutex);
        failures.push_back(what);
    }
};

void code_and_edit(TeamClient& client, const std::string& name, Outcome& outcome) {
    for (int j = 0; j < stances_per_coder; ++j) {
        const std::string id = "mc-" + name + "-" + std::to_string(j);
        const Answer coded = patiently([&] { return client.send("POST", "/api/stances", coding_body(id)); });
        if (coded.status != 201) {
            outcome.fail(id + ": coding answered " + std::to_string(coded.status) + " " + coded.body);
            continue;
        }
        {
            const std::lock_guard lock(outcome.mutex);
            outcome.coded[id] = name;
        }
        const std::string tag = id + " edited";
        const Answer edited = patiently([&] {
            const std::string etag = client.get("/api/stances/" + id).etag;
            return client.send("PATCH", "/api/stances/" + id, edit_body(tag), etag);
        });
        if (edited.status != 200) {
            outcome.fail(id + ": its own edit answered " + std::to_string(edited.status) + " " + edited.body);
            continue;
        }
        const std::lock_guard lock(outcome.mutex);
        outcome.edited[id] = tag;
    }
}

/// Reads the document's stances until `done`, bounded: every stance's note equals its paraphrase.
void read_untorn(TeamClient& reader, const std::atomic<bool>& done, Outcome& outcome, int& reads) {
    for (reads = 0; reads < 500 && !done.load(); ++reads) {
        const Answer view = reader.get("/api/documents/" + letter);
        if (view.status != 200) {
            outcome.fail("a read answered " + std::to_string(view.status));
            continue;
        }
        for (const auto& stance : view.json.at("stances").as_array()) {
            const std::string id = text_of(stance, "id");
            const bool ours = id.starts_with("mc-") || id == shared_stance;
            const std::string note = text_of(stance, "note");
            if (ours && (note.starts_with("mc-") || note.starts_with("race-")) &&
                note != text_of(stance, "paraphrase")) {
                outcome.fail(fmt::format(R"(a torn read of {}: note "{}", paraphrase "{}")", id, note,
                                         text_of(stance, "paraphrase")));
            }
        }
    }
}

} // namespace

STORE_TEST_CASE("serve team: many coders code and edit at once through two servers: no lost update, no torn read") {
    ScratchDatabase database = backend.create();
    const std::string& address = database.address();
    REQUIRE(run_stance({"--db", address, "-q", "import", (source_dir() / "data/seed/nato-2017-03-31.json").string()})
                .exit_code == 0);
    std::vector<std::string> names;
    for (int i = 0; i < coder_count; ++i) {
        names.push_back("coder" + std::to_string(i + 1));
        add_coder(address, names.back(), CoderRole::reviewer); // reviewers: they may edit each other's
    }
    add_coder(address, "watcher", CoderRole::reader);
    const std::vector<std::string> arguments{"--team", "--rate", "100000"};
    ServeProcess first(address, arguments);
    ServeProcess second(address, arguments);

    std::vector<std::unique_ptr<TeamClient>> clients;
    for (int i = 0; i < coder_count; ++i) {
        clients.push_back(std::make_unique<TeamClient>(i % 2 == 0 ? first : second));
        REQUIRE(clients.back()->login(names[static_cast<std::size_t>(i)]) == 200);
    }
    TeamClient watcher(second);
    REQUIRE(watcher.login("watcher") == 200);
    Outcome outcome;

    // 1. Everyone codes and edits their own stances while a reader reads.
    {
        std::atomic<bool> done{false};
        int reads = 0;
        std::thread reader([&] { read_untorn(watcher, done, outcome, reads); });
        std::vector<std::thread> coders;
        coders.reserve(static_cast<std::size_t>(coder_count));
        for (int i = 0; i < coder_count; ++i) {
            coders.emplace_back([&, i] {
                code_and_edit(*clients[static_cast<std::size_t>(i)], names[static_cast<std::size_t>(i)], outcome);
            });
        }
        for (std::thread& coder : coders) {
            coder.join();
        }
        done = true;
        reader.join();
        CHECK(reads > 0);
    }

    // 2. Rounds in which every coder edits one shared stance with the same If-Match, at once.
    std::vector<std::string> winners;
    for (int round = 0; round < race_rounds; ++round) {
        const std::string etag = watcher.get("/api/stances/" + shared_stance).etag;
        REQUIRE(!etag.empty());
        std::vector<int> statuses(coder_count, 0);
        std::latch start(coder_count);
        std::vector<std::thread> racers;
        racers.reserve(static_cast<std::size_t>(coder_count));
        for (int i = 0; i < coder_count; ++i) {
            racers.emplace_back([&, i] {
                const std::string tag = "race-" + std::to_string(round) + "-" + names[static_cast<std::size_t>(i)];
                start.arrive_and_wait();
                statuses[static_cast<std::size_t>(i)] =
                    patiently([&] {
                        return clients[static_cast<std::size_t>(i)]->send("PATCH", "/api/stances/" + shared_stance,
                                                                          edit_body(tag), etag);
                    }).status;
            });
        }
        for (std::thread& racer : racers) {
            racer.join();
        }
        CAPTURE(round);
        CHECK(std::count(statuses.begin(), statuses.end(), 200) == 1);
        CHECK(std::count(statuses.begin(), statuses.end(), 412) == coder_count - 1);
        const auto winner = std::find(statuses.begin(), statuses.end(), 200);
        if (winner != statuses.end()) {
            const std::string& name = names[static_cast<std::size_t>(winner - statuses.begin())];
            winners.push_back(name);
            const Answer now = watcher.get("/api/stances/" + shared_stance);
            CHECK(text_of(now.json.at("stance"), "note") == "race-" + std::to_string(round) + "-" + name);
            CHECK(text_of(now.json.at("stance"), "paraphrase") == text_of(now.json.at("stance"), "note"));
        }
    }

    // 3. Every accepted write is there, as its coder wrote it, and the history names who.
    for (const std::string& failure : outcome.failures) {
        FAIL_CHECK(failure);
    }
    CHECK(outcome.coded.size() == static_cast<std::size_t>(coder_count * stances_per_coder));
    for (const auto& [stance_id, coder] : outcome.coded) {
        // A copy for CAPTURE's lambda: clang (and so clang-tidy) before 16 cannot capture a structured binding.
        const std::string id = stance_id;
        CAPTURE(id);
        const Answer stance = watcher.get("/api/stances/" + id);
        REQUIRE(stance.status == 200);
        CHECK(text_of(stance.json.at("stance"), "coder") == coder);
        CHECK(text_of(stance.json.at("stance"), "note") == outcome.edited.at(id));
    }
    const Answer history = watcher.get("/api/history?entity=" + shared_stance + "&limit=100");
    std::vector<std::string> editors;
    for (const auto& set : history.json.at("change_sets").as_array()) {
        if (set.at("action") == "edit") { // not the seed's import
            editors.emplace_back(set.at("by").as_string());
        }
    }
    std::reverse(editors.begin(), editors.end()); // oldest first, as the rounds ran
    CHECK(editors == winners);
}
