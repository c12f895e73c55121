// The security rules of `stance serve` (docs/workbench.md, "Safe by default"), each against the
// real binary on port 0: writes need the token and the server's own origin, the Host header must
// name the server, no path leaves the pages, bodies and rates are bounded, --read-only has no
// writes, every refusal is a JSON error that names no file, and the headers keep the pages safe.
#include <string>

#include <doctest/doctest.h>

#include "serve/assets.hpp"
#include "serve/guard.hpp"
#include "serve/rate_limit.hpp"
#include "serve/token.hpp"
#include "serve_support.hpp"

using namespace stance;
using namespace stance::test;

namespace {

// A write that would change the database if it were let through: deleting a seed stance.
const std::string seed_stance = "/api/stances/nld-eu-security-role-complements-nato";

std::string history_of(const ServeProcess& server) {
    auto client = server.client();
    const auto answer = client.Get("/api/history?limit=1000");
    REQUIRE(answer);
    return answer->body;
}

bool is_json_error(const std::string& body, int status) {
    return body.find("{\"error\":{\"status\":" + std::to_string(status) + ",\"message\":\"") == 0;
}

} // namespace

TEST_CASE("serve: the guard's rules, one by one") {
    CHECK(serve::host_allowed("127.0.0.1:8470", "127.0.0.1", 8470));
    CHECK(serve::host_allowed("localhost:8470", "127.0.0.1", 8470));
    CHECK(serve::host_allowed("LOCALHOST:8470", "127.0.0.1", 8470));
    CHECK(serve::host_allowed("[::1]:8470", "127.0.0.1", 8470));
    CHECK(serve::host_allowed("workbench.lan:8470", "workbench.lan", 8470)); // the --host name itself
    CHECK_FALSE(serve::host_allowed("evil.example:8470", "127.0.0.1", 8470));
    CHECK_FALSE(serve::host_allowed("127.0.0.1:8471", "127.0.0.1", 8470));
    CHECK_FALSE(serve::host_allowed("127.0.0.1", "127.0.0.1", 8470)); // port 80 implied
    CHECK_FALSE(serve::host_allowed("", "127.0.0.1", 8470));
    CHECK_FALSE(serve::host_allowed("127.0.0.1:8470x", "127.0.0.1", 8470));

    CHECK(serve::same_origin("", "", "127.0.0.1:8470")); // a tool, not a browser: the token decides
    CHECK(serve::same_origin("http://127.0.0.1:8470", "same-origin", "127.0.0.1:8470"));
    CHECK_FALSE(serve::same_origin("http://evil.example", "", "127.0.0.1:8470"));
    CHECK_FALSE(serve::same_origin("null", "", "127.0.0.1:8470"));
    CHECK_FALSE(serve::same_origin("", "cross-site", "127.0.0.1:8470"));
    CHECK_FALSE(serve::same_origin("http://localhost:8470", "", "127.0.0.1:8470"));

    CHECK(serve::is_plain_target("/app.js"));
    CHECK(serve::is_plain_target("/api/evolution?actor=NL&topic=Rusland"));
    CHECK_FALSE(serve::is_plain_target("/../etc/passwd"));
    CHECK_FALSE(serve::is_plain_target("/%2e%2e/etc/passwd"));
    CHECK_FALSE(serve::is_plain_target("/%2E%2e/etc/passwd"));
    CHECK_FALSE(serve::is_plain_target("/%252e%252e/etc/passwd"));
    CHECK_FALSE(serve::is_plain_target("/css\\..\\x"));
    CHECK_FALSE(serve::is_plain_target("/a%5cb"));
    CHECK_FALSE(serve::is_plain_target("//etc/passwd"));
    CHECK_FALSE(serve::is_plain_target("/a%00b"));
    CHECK_FALSE(serve::is_plain_target("http://evil.example/"));

    const std::string token = serve::random_token();
    CHECK(token.size() == 64);
    CHECK(token != serve::random_token());
    CHECK(serve::tokens_equal(token, token));
    CHECK_FALSE(serve::tokens_equal(token.substr(0, 63), token));
    CHECK_FALSE(serve::tokens_equal("", ""));

    serve::RateLimit rate(1.0, 3.0);
    const auto now = serve::RateLimit::Clock::now();
    CHECK(rate.allow("a", now));
    CHECK(rate.allow("a", now));
    CHECK(rate.allow("a", now));
    CHECK_FALSE(rate.allow("a", now));
    CHECK(rate.allow("b", now)); // per client
    CHECK(rate.allow("a", now + std::chrono::milliseconds(1100)));
}

TEST_CASE("serve: listens on 127.0.0.1 only unless --host says otherwise") {
    TempDir dir;
    ServeProcess server(seed_database(dir));
    CHECK(server.url().starts_with("http://127.0.0.1:"));
    CHECK(server.url().find("/?token=" + server.token()) != std::string::npos);
    CHECK(server.token().size() == 64);
    // Bound to 0.0.0.0 the server would answer on every loopback address; bound to 127.0.0.1, not on 127.0.0.2.
    httplib::Client other("127.0.0.2", server.port());
    other.set_connection_timeout(2);
    CHECK_FALSE(other.Get("/api/info"));
    auto client = server.client();
    const auto info = client.Get("/api/info");
    REQUIRE(info);
    CHECK(info->status == 200);
    CHECK(info->body.find("\"read_only\":false") != std::string::npos);
}

TEST_CASE("serve: a write without the token, or with a wrong one, is refused and changes nothing") {
    TempDir dir;
    ServeProcess server(seed_database(dir));
    const std::string before = history_of(server);
    auto client = server.client();
    const auto without = client.Delete(seed_stance, {{"Origin", "http://" + server.host()}});
    REQUIRE(without);
    CHECK(without->status == 401);
    CHECK(is_json_error(without->body, 401));
    const auto wrong = client.Delete(seed_stance, {{"Authorization", "Bearer " + std::string(64, '0')}});
    REQUIRE(wrong);
    CHECK(wrong->status == 401);
    const auto header =
        client.Post("/api/undo", {{"X-Stance-Token", server.token() + "x"}}, "{\"change_set\": 1}", "application/json");
    REQUIRE(header);
    CHECK(header->status == 401);
    CHECK(history_of(server) == before);
    // The same write with the token (and the stance's ETag) goes through: the refusals above were the token's.
    httplib::Headers headers = server.write_headers();
    headers.emplace("If-Match", "*");
    const auto allowed = client.Delete(seed_stance, headers);
    REQUIRE(allowed);
    CHECK(allowed->status == 200);
    CHECK(history_of(server) != before);
}

TEST_CASE("serve: a write from another origin is refused, even with the token") {
    TempDir dir;
    ServeProcess server(seed_database(dir));
    const std::string before = history_of(server);
    auto client = server.client();
    const httplib::Headers evil{{"Authorization", "Bearer " + server.token()}, {"Origin", "http://evil.example"}};
    const auto cross = client.Delete(seed_stance, evil);
    REQUIRE(cross);
    CHECK(cross->status == 403);
    CHECK(is_json_error(cross->body, 403));
    const httplib::Headers fetched{{"Authorization", "Bearer " + server.token()}, {"Sec-Fetch-Site", "cross-site"}};
    const auto site = client.Delete(seed_stance, fetched);
    REQUIRE(site);
    CHECK(site->status == 403);
    // A form post from another site cannot send JSON: the body type is refused too.
    const auto form =
        client.Post("/api/undo", server.write_headers(), "change_set=1", "application/x-www-form-urlencoded");
    REQUIRE(form);
    CHECK(form->status == 415);
    CHECK(history_of(server) == before);
}

TEST_CASE("serve: a Host header of another name is refused on every request (DNS rebinding)") {
    TempDir dir;
    ServeProcess server(seed_database(dir));
    const std::string port = std::to_string(server.port());
    const std::string rebound = raw_get(server.port(), "/api/documents", "evil.example:" + port);
    CHECK(status_of(rebound) == 403);
    CHECK(rebound.find("{\"error\":{\"status\":403") != std::string::npos);
    CHECK(rebound.find("nl-mfa-letter") == std::string::npos); // nothing of the data
    CHECK(status_of(raw_get(server.port(), "/", "evil.example:" + port)) == 403);
    CHECK(status_of(raw_get(server.port(), "/api/documents", "127.0.0.1:1")) == 403);
    CHECK(status_of(raw_get(server.port(), "/api/documents", "localhost:" + port)) == 200);
    CHECK(status_of(raw_get(server.port(), "/api/documents", "127.0.0.1:" + port)) == 200);
}

TEST_CASE("serve: paths with .., encoded or not, backslashes and absolute targets are refused") {
    TempDir dir;
    ServeProcess server(seed_database(dir));
    const std::string host = server.host();
    for (const std::string target :
         {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2Fetc%2Fpasswd",
          "/..%5c..%5cetc%5cpasswd", "/%252e%252e/etc/passwd", "/index.html/../../seed.db", "//etc/passwd"}) {
        CAPTURE(target);
        const std::string answer = raw_get(server.port(), target, host);
        CHECK(status_of(answer) == 400);
        CHECK(answer.find("root:") == std::string::npos);
        CHECK(answer.find("{\"error\":{\"status\":400") != std::string::npos);
    }
    const std::string absolute = raw_get(server.port(), "http://127.0.0.1/etc/passwd", host);
    CHECK(status_of(absolute) == 400);
    // A plain path that names no page is a 404, never a file of the disk.
    CHECK(status_of(raw_get(server.port(), "/etc/passwd", host)) == 404);
    CHECK(status_of(raw_get(server.port(), "/seed.db", host)) == 404);
    CHECK(status_of(raw_get(server.port(), "/index.html", host)) == 200);
}

TEST_CASE("serve: an oversized body gets 413, a bad JSON body 400, an unknown route 404, all as JSON") {
    TempDir dir;
    ServeProcess server(seed_database(dir));
    const std::string before = history_of(server);
    auto client = server.client();
    const std::string big = "{\"note\": \"" + std::string(2 << 20, 'x') + "\"}";
    const auto oversized = client.Post("/api/stances", server.write_headers(), big, "application/json");
    if (oversized) { // the server may also close the connection before reading the whole body
        CHECK(oversized->status == 413);
        CHECK(is_json_error(oversized->body, 413));
    }
    const auto bad = client.Post("/api/stances", server.write_headers(), "{\"document\": ", "application/json");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK(is_json_error(bad->body, 400));
    CHECK(bad->body.find("not JSON") != std::string::npos);
    const auto array = client.Post("/api/undo", server.write_headers(), "[1]", "application/json");
    REQUIRE(array);
    CHECK(array->status == 400);
    const auto unknown_field =
        client.Post("/api/undo", server.write_headers(), "{\"changeset\": 1}", "application/json");
    REQUIRE(unknown_field);
    CHECK(unknown_field->status == 400);
    CHECK(unknown_field->body.find("unknown field \\\"changeset\\\"") != std::string::npos);
    const auto route = client.Get("/api/nothing-here");
    REQUIRE(route);
    CHECK(route->status == 404);
    CHECK(is_json_error(route->body, 404));
    const auto parameter = client.Get("/api/documents?sort=title");
    REQUIRE(parameter);
    CHECK(parameter->status == 400);
    CHECK(history_of(server) == before);
}

TEST_CASE("serve: error messages name no file of the server") {
    TempDir dir;
    const std::string db = seed_database(dir);
    ServeProcess server(db);
    auto client = server.client();
    for (const std::string target : {"/api/documents/missing", "/api/evolution?actor=Nederlnd&topic=Rusland",
                                     "/api/export?document=missing", "/api/history?kind=file"}) {
        CAPTURE(target);
        const auto answer = client.Get(target);
        REQUIRE(answer);
        CHECK(answer->status >= 400);
        CHECK(answer->body.find(dir.path().string()) == std::string::npos);
        CHECK(answer->body.find("seed.db") == std::string::npos);
        CHECK(answer->body.find("SELECT") == std::string::npos);
    }
}

TEST_CASE("serve: --read-only has no write route, and says so") {
    TempDir dir;
    const std::string db = seed_database(dir);
    const std::string before = read_text(db);
    ServeProcess server(db, {"--read-only"});
    CHECK(server.token().empty());
    auto client = server.client();
    const auto info = client.Get("/api/info");
    REQUIRE(info);
    CHECK(info->body.find("\"read_only\":true") != std::string::npos);
    for (const auto& answer : {client.Delete(seed_stance, {{"Origin", "http://" + server.host()}}),
                               client.Post("/api/undo", "{\"change_set\": 1}", "application/json"),
                               client.Patch(seed_stance, "{\"note\": \"x\"}", "application/json")}) {
        REQUIRE(answer);
        CHECK(answer->status == 405);
        CHECK(answer->get_header_value("Allow") == "GET, HEAD");
        CHECK(is_json_error(answer->body, 405));
    }
    const auto reads = client.Get("/api/documents");
    REQUIRE(reads);
    CHECK(reads->status == 200);
    CHECK(server.stop() == 0);
    CHECK(read_text(db) == before);
}

TEST_CASE("serve: a client sending faster than the rate gets 429") {
    TempDir dir;
    ServeProcess server(seed_database(dir), {"--rate", "1"}); // bursts of 4
    auto client = server.client();
    std::vector<int> statuses;
    for (int i = 0; i < 8; ++i) {
        const auto answer = client.Get("/api/info");
        REQUIRE(answer);
        statuses.push_back(answer->status);
    }
    CHECK(statuses.front() == 200);
    CHECK(statuses.back() == 429);
    const auto limited = client.Get("/api/info");
    REQUIRE(limited);
    CHECK(is_json_error(limited->body, 429));
}

TEST_CASE("serve: security headers on pages, API answers and errors") {
    TempDir dir;
    ServeProcess server(seed_database(dir));
    auto client = server.client();
    for (const std::string target : {"/", "/api/info", "/api/missing"}) {
        CAPTURE(target);
        const auto answer = client.Get(target);
        REQUIRE(answer);
        const std::string policy = answer->get_header_value("Content-Security-Policy");
        CHECK(policy.find("script-src 'self'") != std::string::npos);
        CHECK(policy.find("frame-ancestors 'none'") != std::string::npos);
        CHECK(policy.find("unsafe-inline") == std::string::npos);
        CHECK(answer->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(answer->get_header_value("Referrer-Policy") == "no-referrer");
        CHECK(answer->get_header_value_count("Cache-Control") == 1);
    }
    const auto page = client.Get("/");
    REQUIRE(page);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
}

TEST_CASE("serve: SIGTERM stops the server cleanly") {
    TempDir dir;
    ServeProcess server(seed_database(dir));
    auto client = server.client();
    REQUIRE(client.Get("/api/info"));
    CHECK(server.stop() == 0);
    CHECK_FALSE(client.Get("/api/info"));
}
