// `stance serve --team` against the real binary: logins and their sessions (cookie, CSRF token,
// logout, bounded attempts), every route × every role (401 without a login, 403 naming the missing
// permission), the coder of every change in the history, ETags and If-Match (428, 412 with the
// current state), and reviews (accepted, rejected, shown in the document view, the queue).
#include <array>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include "serve_support.hpp"
#include "team_support.hpp"

using namespace stance;
using namespace stance::test;

namespace {

const std::string letter = "nl-mfa-letter-nac-fm-2017-03-31";
const std::string risk_quote = "Vooral het onderwerp van vermindering van risico's en militaire transparantie "
                               "verdient daarbij centrale aandacht.";

/// A seed database with one coder of each role (rea, cody, rev, adm) and a second coder (ada).
std::string team_database(const TempDir& dir) {
    std::string db = seed_database(dir);
    add_coder(db, "rea", CoderRole::reader);
    add_coder(db, "cody", CoderRole::coder);
    add_coder(db, "rev", CoderRole::reviewer);
    add_coder(db, "adm", CoderRole::admin);
    add_coder(db, "ada", CoderRole::coder);
    return db;
}

const std::vector<std::string> team_arguments{"--team", "--rate", "100000"};

std::string coding_body(const std::string& id, const std::string& coder = "") {
    boost::json::object body{{"document", letter},
                             {"actor", "Nederland"},
                             {"claim", "Rusland"},
                             {"position", "support"},
                             {"meeting", "2017-03-31"},
                             {"quote", risk_quote},
                             {"id", id}};
    if (!coder.empty()) {
        body["coder"] = coder;
    }
    return boost::json::serialize(body);
}

std::string error_permission(const Answer& answer) {
    if (!answer.json.is_object() || !answer.json.as_object().contains("error")) {
        return "";
    }
    const auto* permission = answer.json.at("error").as_object().if_contains("permission");
    return permission != nullptr ? std::string(permission->as_string()) : "";
}

std::string etag_of(TeamClient& client, const std::string& stance) {
    return client.get("/api/stances/" + stance).etag;
}

} // namespace

TEST_CASE("serve team: a coder logs in, and the session's cookie and CSRF token guard every route") {
    TempDir dir;
    ServeProcess server(team_database(dir), team_arguments);
    CHECK(server.token().empty()); // no start-up token on a team server
    TeamClient anonymous(server);
    CHECK(anonymous.get("/api/info").status == 401);
    CHECK(anonymous.get("/api/documents").status == 401);
    CHECK(anonymous.get("/").status == 200); // the pages (with their login form) need no login

    TeamClient cody(server);
    const Answer wrong = cody.send("POST", "/api/login", R"({"name": "cody", "password": "not the password"})");
    const Answer unknown = cody.send("POST", "/api/login", R"({"name": "nobody", "password": "not the password"})");
    CHECK(wrong.status == 401);
    CHECK(unknown.status == 401);
    CHECK(wrong.json.at("error").at("message") == unknown.json.at("error").at("message")); // nothing told apart
    CHECK(wrong.body.find("not the password") == std::string::npos);

    httplib::Client raw = server.client();
    const auto login = raw.Post("/api/login", {{"Origin", "http://" + server.host()}},
                                R"({"name": "cody", "password": ")" + team_password + R"("})", "application/json");
    REQUIRE(login);
    CHECK(login->status == 200);
    const std::string cookie = login->get_header_value("Set-Cookie");
    CHECK(cookie.starts_with("stance_session="));
    CHECK(cookie.find("; HttpOnly") != std::string::npos);
    CHECK(cookie.find("; SameSite=Strict") != std::string::npos);
    CHECK(cookie.find("; Path=/") != std::string::npos);
    const auto session = boost::json::parse(login->body);
    CHECK(session.at("coder").at("name") == "cody");
    CHECK(session.at("coder").at("role") == "coder");

    REQUIRE(cody.login("cody") == 200);
    CHECK(cody.get("/api/info").json.at("team") == true);
    CHECK(cody.get("/api/session").json.at("csrf_token").as_string() == cody.csrf());
    CHECK(cody.send("POST", "/api/stances", coding_body("cody-first")).status == 201);

    // A write without the CSRF token, with another one, or from another site is refused.
    const std::string csrf = cody.csrf();
    cody.set_csrf("");
    CHECK(cody.send("POST", "/api/stances", coding_body("cody-no-csrf")).status == 403);
    cody.set_csrf(std::string(csrf.size(), '0'));
    CHECK(cody.send("POST", "/api/stances", coding_body("cody-bad-csrf")).status == 403);
    cody.set_csrf(csrf);
    const auto cross = raw.Post(
        "/api/stances",
        {{"Origin", "http://evil.example"}, {"Cookie", "stance_session=" + cody.cookie()}, {"X-CSRF-Token", csrf}},
        coding_body("cody-cross"), "application/json");
    REQUIRE(cross);
    CHECK(cross->status == 403);
    CHECK(cody.get("/api/stances/cody-no-csrf").status == 404);

    // Logging out ends the session: its cookie opens nothing any more.
    CHECK(cody.send("POST", "/api/logout", "{}").status == 200);
    CHECK(cody.get("/api/documents").status == 401);
}

TEST_CASE("serve team: failed logins are bounded per name, and a good password does not lift the bound") {
    TempDir dir;
    ServeProcess server(team_database(dir), team_arguments);
    TeamClient guesser(server);
    for (int attempt = 0; attempt < 5; ++attempt) {
        CHECK(guesser.login("cody", "guess number " + std::to_string(attempt)) == 401);
    }
    const Answer locked =
        guesser.send("POST", "/api/login",
                     boost::json::serialize(boost::json::object{{"name", "cody"}, {"password", team_password}}));
    CHECK(locked.status == 429);
    CHECK(std::string(locked.json.at("error").at("message").as_string()).find("try again in") != std::string::npos);
    TeamClient other(server);
    CHECK(other.login("rev") == 200); // another name is not locked out
}

TEST_CASE("serve team: failed logins are bounded per client, whatever names it tries") {
    TempDir dir;
    ServeProcess server(team_database(dir), team_arguments);
    TeamClient guesser(server);
    for (int attempt = 0; attempt < 20; ++attempt) {
        CHECK(guesser.login("name-" + std::to_string(attempt), "a wrong password") == 401);
    }
    CHECK(guesser.login("rev") == 429); // the same address, a real name and password: still bounded
}

TEST_CASE("serve team: every route checks its permission, for every role") {
    TempDir dir;
    ServeProcess server(team_database(dir), team_arguments);
    const std::array<std::string, 4> roles{"rea", "cody", "rev", "adm"};
    std::map<std::string, TeamClient> clients;
    for (const std::string& role : roles) {
        clients.emplace(role, TeamClient(server));
        REQUIRE(clients.at(role).login(role) == 200);
    }
    TeamClient ada(server);
    REQUIRE(ada.login("ada") == 200);
    REQUIRE(ada.send("POST", "/api/stances", coding_body("ada-to-review")).status == 201);
    // Another coder's stance for each caller; the anonymous caller is refused before the id matters.
    std::map<std::string, std::string> others_stance{{"anonymous", "nld-honour-wales-defence-spending-commitments"},
                                                     {"rea", "nld-honour-wales-defence-spending-commitments"},
                                                     {"cody", "nld-defence-spending-benefits-beyond-nato"},
                                                     {"rev", "nld-intensify-counter-terrorism-approach"},
                                                     {"adm", "nld-more-nato-trainers-for-partners"}};
    std::map<std::string, std::int64_t> last_change_set;

    struct Row {
        std::string what;
        std::string permission;      ///< The one a refusal names; "" for routes any coder may use.
        std::array<int, 4> expected; ///< reader, coder, reviewer, admin; 0: not for this role.
        std::function<Answer(TeamClient&, const std::string&)> call;
    };
    const std::vector<Row> table{
        {"GET documents",
         "",
         {200, 200, 200, 200},
         [](TeamClient& c, const std::string&) { return c.get("/api/documents"); }},
        {"GET a document",
         "",
         {200, 200, 200, 200},
         [](TeamClient& c, const std::string&) { return c.get("/api/documents/" + letter); }},
        {"GET the review queue",
         "review",
         {403, 403, 200, 200},
         [](TeamClient& c, const std::string&) { return c.get("/api/review-queue"); }},
        {"GET coders",
         "manage_coders",
         {403, 403, 403, 200},
         [](TeamClient& c, const std::string&) { return c.get("/api/coders"); }},
        {"code a stance",
         "code_stances",
         {403, 201, 201, 201},
         [](TeamClient& c, const std::string& role) {
             return c.send("POST", "/api/stances", coding_body("table-" + role));
         }},
        {"edit one's own stance",
         "code_stances",
         {0, 200, 200, 200},
         [](TeamClient& c, const std::string& role) {
             const std::string id = "table-" + role;
             return c.send("PATCH", "/api/stances/" + id, R"({"note": "own edit"})", etag_of(c, id));
         }},
        {"edit another's stance",
         "edit_others",
         {403, 403, 200, 200},
         [&](TeamClient& c, const std::string& role) {
             const std::string& id = others_stance.at(role);
             return c.send("PATCH", "/api/stances/" + id, R"({"note": "edited by another"})", etag_of(c, id));
         }},
        {"delete one's own stance",
         "code_stances",
         {0, 200, 200, 200},
         [&](TeamClient& c, const std::string& role) {
             const std::string id = "table-" + role;
             Answer answer = c.send("DELETE", "/api/stances/" + id, "", etag_of(c, id));
             if (answer.status == 200) {
                 last_change_set[role] = answer.json.at("change_set").to_number<std::int64_t>();
             }
             return answer;
         }},
        {"delete another's stance",
         "edit_others",
         {403, 403, 200, 200},
         [&](TeamClient& c, const std::string& role) {
             const std::string& id = others_stance.at(role);
             return c.send("DELETE", "/api/stances/" + id, "", etag_of(c, id));
         }},
        {"undo a change set",
         "import_data",
         {403, 403, 403, 200},
         [&](TeamClient& c, const std::string& role) {
             const std::int64_t id = last_change_set.count(role) != 0 ? last_change_set.at(role) : 1;
             return c.send("POST", "/api/undo", R"({"change_set": )" + std::to_string(id) + "}");
         }},
        {"accept a stance",
         "review",
         {403, 403, 201, 201},
         [](TeamClient& c, const std::string&) { return c.send("POST", "/api/stances/ada-to-review/accept", "{}"); }},
        {"reject a stance",
         "review",
         {403, 403, 201, 201},
         [](TeamClient& c, const std::string&) {
             return c.send("POST", "/api/stances/ada-to-review/reject", R"({"comment": "not a position"})");
         }},
        {"accept a suggestion",
         "review",
         {403, 403, 404, 404},
         [](TeamClient& c, const std::string&) { return c.send("POST", "/api/suggestions/999999/accept", "{}"); }},
        {"add a document",
         "add_documents",
         {403, 201, 201, 201},
         [](TeamClient& c, const std::string& role) {
             return c.send("POST", "/api/documents",
                           R"({"id": "doc-)" + role + R"(", "title": "A note", "text": "A short text to code in."})");
         }},
        {"delete a document",
         "delete_documents",
         {403, 403, 403, 200},
         [](TeamClient& c, const std::string& role) { return c.send("DELETE", "/api/documents/doc-" + role, ""); }},
        {"add a coder",
         "manage_coders",
         {403, 403, 403, 201},
         [](TeamClient& c, const std::string& role) {
             return c.send("POST", "/api/coders",
                           R"({"name": "new-)" + role + R"(", "role": "coder", "password": ")" + team_password +
                               R"("})");
         }},
        {"change a coder",
         "manage_coders",
         {403, 403, 403, 200},
         [](TeamClient& c, const std::string&) {
             return c.send("PATCH", "/api/coders/ada", R"({"display_name": "Ada L."})");
         }},
        {"GET the session",
         "",
         {200, 200, 200, 200},
         [](TeamClient& c, const std::string&) { return c.get("/api/session"); }},
    };
    TeamClient anonymous(server);
    for (const Row& row : table) {
        CAPTURE(row.what);
        const Answer refused = row.call(anonymous, "anonymous");
        CHECK(refused.status == 401);
        for (std::size_t r = 0; r < roles.size(); ++r) {
            if (row.expected[r] == 0) {
                continue;
            }
            CAPTURE(roles[r]);
            const Answer answer = row.call(clients.at(roles[r]), roles[r]);
            CAPTURE(answer.body);
            CHECK(answer.status == row.expected[r]);
            if (row.expected[r] == 403) {
                CHECK(error_permission(answer) == row.permission);
            }
        }
    }
    // The admin's change reached the directory; the reader's refused writes left nothing.
    CHECK(clients.at("adm").get("/api/coders").body.find("Ada L.") != std::string::npos);
    CHECK(clients.at("adm").get("/api/stances/table-rea").status == 404);
}

TEST_CASE("serve team: the history records the coder of every change, and stances carry their coder") {
    TempDir dir;
    ServeProcess server(team_database(dir), team_arguments);
    TeamClient cody(server);
    TeamClient rev(server);
    REQUIRE(cody.login("cody") == 200);
    REQUIRE(rev.login("rev") == 200);
    const Answer coded = cody.send("POST", "/api/stances", coding_body("by-cody"));
    REQUIRE(coded.status == 201);
    CHECK(coded.json.at("stance").at("coder") == "cody");
    CHECK(cody.send("POST", "/api/stances", coding_body("as-someone", "rev")).status == 403); // not in another's name
    REQUIRE(rev.send("PATCH", "/api/stances/by-cody", R"({"note": "checked"})", etag_of(rev, "by-cody")).status == 200);
    const Answer history = cody.get("/api/history?entity=by-cody");
    const auto& sets = history.json.at("change_sets").as_array();
    REQUIRE(sets.size() == 2);
    CHECK(sets[0].at("by") == "rev"); // newest first
    CHECK(sets[0].at("action") == "edit");
    CHECK(sets[1].at("by") == "cody");
    CHECK(sets[1].at("action") == "code");
}

TEST_CASE("serve team: an edit or delete needs the stance's ETag, and a stale one is refused with its state") {
    TempDir dir;
    ServeProcess server(team_database(dir), team_arguments);
    TeamClient rev(server);
    REQUIRE(rev.login("rev") == 200);
    const std::string id = "nld-eu-security-role-complements-nato";
    const Answer read = rev.get("/api/stances/" + id);
    REQUIRE(read.status == 200);
    CHECK(read.etag.starts_with("\"s-"));
    CHECK(read.json.at("stance").at("etag").as_string() == read.etag);

    const Answer without = rev.send("PATCH", "/api/stances/" + id, R"({"note": "no tag"})");
    CHECK(without.status == 428);
    const Answer first = rev.send("PATCH", "/api/stances/" + id, R"({"note": "first"})", read.etag);
    REQUIRE(first.status == 200);
    CHECK(first.etag != read.etag);
    const Answer stale = rev.send("PATCH", "/api/stances/" + id, R"({"note": "second"})", read.etag);
    CHECK(stale.status == 412);
    CHECK(stale.json.at("error").at("current").at("note") == "first");
    CHECK(stale.json.at("error").at("etag").as_string() == first.etag);
    CHECK(rev.send("DELETE", "/api/stances/" + id, "", read.etag).status == 412);
    CHECK(rev.get("/api/stances/" + id).json.at("stance").at("note") == "first");
    CHECK(rev.send("DELETE", "/api/stances/" + id, "", first.etag).status == 200);
}

TEST_CASE("serve team: a reviewer accepts or rejects others' stances, shown in the document and the queue") {
    TempDir dir;
    ServeProcess server(team_database(dir), team_arguments);
    TeamClient ada(server);
    TeamClient rev(server);
    REQUIRE(ada.login("ada") == 200);
    REQUIRE(rev.login("rev") == 200);
    REQUIRE(ada.send("POST", "/api/stances", coding_body("ada-one")).status == 201);
    REQUIRE(rev.send("POST", "/api/stances", coding_body("rev-own")).status == 201);

    auto queued = [&rev] {
        std::vector<std::string> ids;
        // Held in a variable: a range-for over a member of the temporary answer would read freed memory.
        const Answer queue = rev.get("/api/review-queue");
        REQUIRE(queue.status == 200);
        for (const auto& stance : queue.json.at("stances").as_array()) {
            ids.emplace_back(stance.at("id").as_string());
        }
        return ids;
    };
    const std::vector<std::string> before = queued();
    CHECK(std::find(before.begin(), before.end(), "ada-one") != before.end());
    CHECK(std::find(before.begin(), before.end(), "rev-own") == before.end()); // not one's own

    CHECK(rev.send("POST", "/api/stances/rev-own/accept", "{}").status == 422); // nobody reviews their own
    const Answer accepted = rev.send("POST", "/api/stances/ada-one/accept", R"({"comment": "fine"})");
    REQUIRE(accepted.status == 201);
    CHECK(accepted.json.at("review").at("state") == "accepted");
    CHECK(accepted.json.at("review").at("reviewer") == "rev");
    const std::vector<std::string> after = queued();
    CHECK(std::find(after.begin(), after.end(), "ada-one") == after.end());

    std::map<std::string, std::string> states;
    const Answer shown = ada.get("/api/documents/" + letter);
    REQUIRE(shown.status == 200);
    REQUIRE(shown.json.is_object());
    for (const auto& stance : shown.json.at("stances").as_array()) {
        states[std::string(stance.at("id").as_string())] = std::string(stance.at("review").at("state").as_string());
    }
    CHECK(states.at("ada-one") == "accepted");
    CHECK(states.at("rev-own") == "unreviewed");
    REQUIRE(rev.send("POST", "/api/stances/ada-one/reject", R"({"comment": "second thoughts"})").status == 201);
    const Answer reviews = ada.get("/api/stances/ada-one/reviews");
    CHECK(reviews.json.at("state").at("state") == "rejected"); // the newest counts
    CHECK(reviews.json.at("reviews").as_array().size() == 2);
}

TEST_CASE("serve team: two coders code the same sentence without ids, and both stances are kept for reliability") {
    TempDir dir;
    ServeProcess server(team_database(dir), team_arguments);
    TeamClient ada(server);
    TeamClient cody(server);
    REQUIRE(ada.login("ada") == 200);
    REQUIRE(cody.login("cody") == 200);
    const std::string body = coding_body("");
    const Answer first = ada.send("POST", "/api/stances", body);
    const Answer second = cody.send("POST", "/api/stances", body);
    REQUIRE(first.status == 201);
    REQUIRE(second.status == 201);
    const std::string first_id(first.json.at("stance").at("id").as_string());
    const std::string second_id(second.json.at("stance").at("id").as_string());
    CHECK(second_id == first_id + ".by-cody");
    CHECK(cody.send("POST", "/api/stances", body).status == 422); // the same coder twice: refused
}

TEST_CASE("serve team: a disabled coder's session ends at once") {
    TempDir dir;
    ServeProcess server(team_database(dir), team_arguments);
    TeamClient adm(server);
    TeamClient cody(server);
    REQUIRE(adm.login("adm") == 200);
    REQUIRE(cody.login("cody") == 200);
    CHECK(cody.get("/api/documents").status == 200);
    REQUIRE(adm.send("PATCH", "/api/coders/cody", R"({"disabled": true})").status == 200);
    CHECK(cody.get("/api/documents").status == 401);
    CHECK(cody.login("cody") == 401);
}
