// Every route of docs/http-api.md on real data, against the real binary: the seed report for the
// documents, completion, the analyses and the writes; the UN fixture (tests/data/unga) for the
// agreement routes. Where the CLI has the same output (--format json, svg, export), the API must
// give the same bytes: one query, one renderer, one export.
#include <algorithm>
#include <string>

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include "serve_support.hpp"
#include "stance/io/dataset_json.hpp"

using namespace stance;
using namespace stance::test;

namespace {

const std::string letter = "nl-mfa-letter-nac-fm-2017-03-31";

/// The seed with the letter's suggestions stored (`stance suggest --store`).
std::string database_with_suggestions(const TempDir& dir) {
    std::string db = seed_database(dir);
    REQUIRE(run_stance({"--db", db, "-q", "suggest", letter, "--store", "--language", "nl", "--speaker-actor", "nld"})
                .exit_code == 0);
    return db;
}

boost::json::value get_json(httplib::Client& client, const std::string& target, int status = 200) {
    const auto answer = client.Get(target);
    REQUIRE(answer);
    CAPTURE(target);
    CAPTURE(answer->body);
    CHECK(answer->status == status);
    CHECK(answer->get_header_value("Content-Type") == "application/json; charset=utf-8");
    return boost::json::parse(answer->body);
}

std::string get_body(httplib::Client& client, const std::string& target) {
    const auto answer = client.Get(target);
    REQUIRE(answer);
    CAPTURE(target);
    CHECK(answer->status == 200);
    return answer->body;
}

boost::json::value send(httplib::Client& client, const ServeProcess& server, const std::string& method,
                        const std::string& target, const std::string& body, int status,
                        const std::string& if_match = "") {
    httplib::Headers headers = server.write_headers();
    if (!if_match.empty()) {
        headers.emplace("If-Match", if_match);
    }
    httplib::Result answer = method == "POST"    ? client.Post(target, headers, body, "application/json")
                             : method == "PATCH" ? client.Patch(target, headers, body, "application/json")
                                                 : client.Delete(target, headers);
    REQUIRE(answer);
    CAPTURE(method);
    CAPTURE(target);
    CAPTURE(answer->body);
    CHECK(answer->status == status);
    return boost::json::parse(answer->body);
}

bool lists_stance(const boost::json::value& view, const std::string& id) {
    for (const auto& stance : view.at("stances").as_array()) {
        if (stance.at("id").as_string() == id) {
            return true;
        }
    }
    return false;
}

// The sentence of the seed report coded in docs/coding.md's walk-through, typed with a straight apostrophe.
const std::string risk_reduction_quote =
    "Vooral het onderwerp van vermindering van risico's en militaire transparantie "
    "verdient daarbij centrale aandacht.";

} // namespace

TEST_CASE("serve api: documents, one document with its stances, completion") {
    TempDir dir;
    ServeProcess server(seed_database(dir));
    auto client = server.client();

    const auto list = get_json(client, "/api/documents");
    REQUIRE(list.at("documents").as_array().size() == 1);
    const auto& summary = list.at("documents").as_array()[0];
    CHECK(summary.at("id").as_string() == letter);
    CHECK(summary.at("text_stored").as_bool());
    CHECK(summary.at("bytes").to_number<std::size_t>() > 9000);

    const auto view = get_json(client, "/api/documents/" + letter);
    const auto& stances = view.at("stances").as_array();
    const CliResult cli =
        run_stance({"--db", (dir / "seed.db").string(), "stances", "--document", letter, "--format", "csv"});
    REQUIRE(cli.exit_code == 0);
    const auto lines = static_cast<std::size_t>(std::count(cli.out.begin(), cli.out.end(), '\n'));
    CHECK(stances.size() + 1 == lines); // the CLI's rows after its header
    REQUIRE_FALSE(stances.empty());
    const auto& first = stances[0].as_object();
    const std::string text(view.at("document").at("text").as_string());
    const auto start = first.at("source").at("start").to_number<std::size_t>();
    const auto end = first.at("source").at("end").to_number<std::size_t>();
    // The span holds the quote (the dataset's quote has the line breaks of the text as spaces).
    CHECK(collapse_whitespace(text.substr(start, end - start)) ==
          collapse_whitespace(std::string(first.at("quote").as_string())));
    CHECK(first.at("names").at("actor").is_string());
    CHECK(view.at("suggestions").as_array().empty());
    get_json(client, "/api/documents/no-such-document", 404);

    const auto actor = get_json(client, "/api/complete?kind=actor&q=Nederland");
    REQUIRE_FALSE(actor.at("matches").as_array().empty());
    CHECK(actor.at("matches").as_array()[0].at("id").as_string() == "nld");
    CHECK(actor.at("matches").as_array()[0].at("resolves").as_bool());
    const auto slip = get_json(client, "/api/complete?kind=actor&q=Nederlnd");
    REQUIRE_FALSE(slip.at("matches").as_array().empty());
    CHECK(slip.at("matches").as_array()[0].at("id").as_string() == "nld");
    CHECK_FALSE(slip.at("matches").as_array()[0].at("resolves").as_bool());
    const auto prefix = get_json(client, "/api/complete?kind=actor&q=Verenigde"); // Verenigde Staten, … Naties
    const auto& offered = prefix.at("matches").as_array();
    CHECK(std::any_of(offered.begin(), offered.end(), [](const auto& m) { return m.at("id").as_string() == "usa"; }));
    const auto claim = get_json(client, "/api/complete?kind=claim&q=Rusland");
    REQUIRE_FALSE(claim.at("matches").as_array().empty());
    CHECK(claim.at("matches").as_array()[0].at("kind").as_string() == "topic");
    CHECK(claim.at("matches").as_array()[0].at("resolves").as_bool());
    const auto meeting = get_json(client, "/api/complete?kind=meeting&q=2017-03-31");
    REQUIRE_FALSE(meeting.at("matches").as_array().empty());
    CHECK(meeting.at("matches").as_array()[0].at("resolves").as_bool());
    get_json(client, "/api/complete?kind=planet&q=x", 400);
}

TEST_CASE("serve api: one stance by id, the meetings, one meeting with its agenda; bad ids refused") {
    TempDir dir;
    const std::string db = seed_database(dir);
    ServeProcess server(db);
    auto client = server.client();
    const std::string seed = (source_dir() / "data/seed/nato-2017-03-31.json").string();
    const Dataset dataset = read_dataset_file(seed);

    // The stance as the dataset has it, with its names: the same form as in the document view.
    const auto one = get_json(client, "/api/stances/nld-eu-security-role-complements-nato");
    const auto& stance = one.at("stance");
    const auto in_dataset = std::find_if(dataset.stances.begin(), dataset.stances.end(), [](const Stance& s) {
        return s.id.str() == "nld-eu-security-role-complements-nato";
    });
    REQUIRE(in_dataset != dataset.stances.end());
    CHECK(stance.at("actor").as_string() == in_dataset->actor.str());
    CHECK(collapse_whitespace(std::string(stance.at("quote").as_string())) == collapse_whitespace(in_dataset->quote));
    CHECK(stance.at("source").at("start").to_number<std::size_t>() == in_dataset->source->start);
    CHECK(stance.at("names").at("actor").as_string() == "Netherlands");
    const auto view = get_json(client, "/api/documents/" + letter);
    for (const auto& listed : view.at("stances").as_array()) {
        if (listed.at("id").as_string() == "nld-eu-security-role-complements-nato") {
            CHECK(listed == stance);
        }
    }

    // Every meeting of the dataset, in time order, with how much each holds.
    const auto list = get_json(client, "/api/meetings");
    const auto& meetings = list.at("meetings").as_array();
    REQUIRE(meetings.size() == dataset.meetings.size());
    for (std::size_t i = 1; i < meetings.size(); ++i) {
        CHECK(meetings[i - 1].at("date").as_string() <= meetings[i].at("date").as_string());
    }
    const auto session = std::find_if(meetings.begin(), meetings.end(), [](const boost::json::value& m) {
        return m.at("id").as_string() == "nac-fm-2017-03-31-working-session";
    });
    REQUIRE(session != meetings.end());
    CHECK(session->at("agenda_items").to_number<int>() == 3);
    CHECK(session->at("parent").as_string() == "nac-fm-2017-03-31");
    CHECK(session->at("names").at("body").as_string() == "North Atlantic Council");

    // One meeting: its agenda in order, the meetings held within it, who attended.
    const auto meeting = get_json(client, "/api/meetings/nac-fm-2017-03-31-working-session");
    CHECK(meeting.at("meeting").at("title").as_string().starts_with("Working session"));
    const auto& items = meeting.at("agenda_items").as_array();
    REQUIRE(items.size() == 3);
    CHECK(items[0].at("id").as_string() == "nac-fm-2017-03-31-working-session-1-transatlantic-relations");
    CHECK(items[2].at("title").as_string() == "Western Balkans");
    CHECK(items[1].at("topics").as_array().size() == 6);
    const auto parent = get_json(client, "/api/meetings/nac-fm-2017-03-31");
    CHECK(parent.at("agenda_items").as_array().empty());
    CHECK(parent.at("meetings_within").as_array().size() == 3);
    CHECK_FALSE(parent.at("participants").as_array().empty());

    // An id that names nothing is a 404; one that cannot be an id a 400; both JSON errors.
    const auto missing = get_json(client, "/api/stances/no-such-stance", 404);
    CHECK(missing.at("error").at("message").as_string() == "no stance has the id \"no-such-stance\"");
    get_json(client, "/api/meetings/no-such-meeting", 404);
    const auto upper = get_json(client, "/api/stances/NLD-Russia", 400);
    CHECK(std::string(upper.at("error").at("message").as_string())
              .starts_with("\"NLD-Russia\" is not a valid stance id"));
    get_json(client, "/api/meetings/nac%20fm", 400);
    get_json(client, "/api/meetings/" + std::string(200, 'a'), 400);
    get_json(client, "/api/documents/Bad!id", 400);
    get_json(client, "/api/meetings?limit=3", 400); // the route takes no parameter
}

TEST_CASE("serve api: evolution and the meeting grid, as the CLI gives them") {
    TempDir dir;
    const std::string db = seed_database(dir);
    ServeProcess server(db);
    auto client = server.client();

    const std::string json = get_body(client, "/api/evolution?actor=NL&topic=Rusland&by=year");
    const CliResult cli = run_stance(
        {"--db", db, "evolution", "--actor", "NL", "--topic", "Rusland", "--by", "year", "--format", "json"});
    REQUIRE(cli.exit_code == 0);
    CHECK(json + "\n" == cli.out);
    const std::string svg = get_body(client, "/api/evolution.svg?actor=Nederland&topic=russia&by=year");
    const CliResult cli_svg = run_stance(
        {"--db", db, "evolution", "--actor", "Nederland", "--topic", "russia", "--by", "year", "--format", "svg"});
    CHECK(svg == cli_svg.out);
    CHECK((svg.starts_with("<?xml") || svg.starts_with("<svg")));
    const auto unknown = get_json(client, "/api/evolution?actor=Nederlnd&topic=Rusland", 404);
    CHECK(unknown.at("error").at("candidates").as_array().size() >= 1);
    get_json(client, "/api/evolution?actor=NL", 400);
    get_json(client, "/api/evolution?actor=NL&topic=Rusland&from=2017-13-01", 400);

    const auto grid = get_json(client, "/api/grid?meeting=2017-03-31");
    const auto& actors = grid.at("actors").as_array();
    const auto& claims = grid.at("claims").as_array();
    const auto& cells = grid.at("cells").as_array();
    REQUIRE_FALSE(cells.empty());
    std::size_t stances = 0;
    for (const auto& cell : cells) {
        CHECK(cell.at("actor").to_number<std::size_t>() < actors.size());
        CHECK(cell.at("claim").to_number<std::size_t>() < claims.size());
        stances += cell.at("stances").as_array().size();
    }
    CHECK(stances == grid.at("stance_count").to_number<std::size_t>());
    const std::string snapshot = get_body(client, "/api/snapshot?meeting=2017-03-31");
    const CliResult cli_snapshot = run_stance({"--db", db, "snapshot", "--meeting", "2017-03-31", "--format", "json"});
    CHECK(snapshot + "\n" == cli_snapshot.out);
}

TEST_CASE("serve api: code a stance from a span, read it back, find it, export it, undo it") {
    TempDir dir;
    const std::string db = seed_database(dir);
    ServeProcess server(db);
    auto client = server.client();
    const std::string export_before = get_body(client, "/api/export");
    CHECK(export_before == run_stance({"--db", db, "export"}).out); // the CLI's bytes, streamed

    const auto coded = send(client, server, "POST", "/api/stances",
                            R"({"document": ")" + letter +
                                R"(", "actor": "Nederland", "claim": "Rusland", "position": "support",
                                "meeting": "2017-03-31", "quote": ")" +
                                risk_reduction_quote + R"(", "note": "coded over HTTP"})",
                            201);
    const std::string id(coded.at("stance").at("id").as_string());
    CHECK(id.starts_with("nld."));
    CHECK(coded.at("stance").at("coder").as_string() == "tester");                           // the server's --by
    CHECK(coded.at("stance").at("quote").as_string().find("risico’s") != std::string::npos); // the report's own text
    const auto change_set = coded.at("change_set").to_number<std::int64_t>();
    CHECK(change_set > 0);

    CHECK(lists_stance(get_json(client, "/api/documents/" + letter), id));
    const auto history = get_json(client, "/api/history?entity=" + id);
    REQUIRE(history.at("change_sets").as_array().size() == 1);
    CHECK(history.at("change_sets").as_array()[0].at("action").as_string() == "code");
    CHECK(get_body(client, "/api/export?document=" + letter).find(id) != std::string::npos);
    CHECK(get_body(client, "/api/evolution?actor=nld&topic=russia").find(id) != std::string::npos);

    // The same coding again is refused as already stored, with the library's message; nothing written.
    const auto again =
        send(client, server, "POST", "/api/stances",
             R"({"document": ")" + letter + R"(", "actor": "NL", "claim": "Rusland", "position": "support",
                                "meeting": "2017-03-31", "quote": ")" +
                 risk_reduction_quote + R"("})",
             422);
    CHECK(again.at("error").at("problems").as_array().size() == 1);

    const auto undone =
        send(client, server, "POST", "/api/undo", R"({"change_set": )" + std::to_string(change_set) + "}", 200);
    CHECK(undone.at("undid").to_number<std::int64_t>() == change_set);
    CHECK_FALSE(lists_stance(get_json(client, "/api/documents/" + letter), id));
    CHECK(get_body(client, "/api/export") == export_before);
    const auto twice =
        send(client, server, "POST", "/api/undo", R"({"change_set": )" + std::to_string(change_set) + "}", 422);
    CHECK(std::string(twice.at("error").at("message").as_string()).find("undone") != std::string::npos);
}

TEST_CASE("serve api: a refused coding lists every problem, and writes nothing") {
    TempDir dir;
    ServeProcess server(seed_database(dir));
    auto client = server.client();
    const std::string before = get_body(client, "/api/history?limit=1000");
    const auto refused = send(client, server, "POST", "/api/stances",
                              R"({"document": ")" + letter +
                                  R"(", "actor": "Nederlnd", "claim": "Rusland", "position": "worried",
                                  "meeting": "2017-03-31", "span": [7712, 7828]})",
                              422);
    const auto& problems = refused.at("error").at("problems").as_array();
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].at("field").as_string() == "actor");
    CHECK(problems[0].at("kind").as_string() == "not_found");
    CHECK(problems[0].at("candidates").as_array().size() >= 1);
    CHECK(problems[1].at("field").as_string() == "position");
    CHECK(get_body(client, "/api/history?limit=1000") == before);
    send(client, server, "POST", "/api/stances", R"({"document": 5})", 400);
    send(client, server, "POST", "/api/stances", R"({"span": [1]})", 400);
}

TEST_CASE("serve api: edit, delete and undo a stance") {
    TempDir dir;
    ServeProcess server(seed_database(dir));
    auto client = server.client();
    const std::string target = "/api/stances/nld-eu-security-role-complements-nato";
    const auto read = client.Get(target);
    REQUIRE(read);
    const std::string etag = read->get_header_value("ETag");
    CHECK(etag == boost::json::parse(read->body).at("stance").at("etag").as_string());
    // Without If-Match an edit is refused (428): it could overwrite a change it never saw.
    send(client, server, "PATCH", target, R"({"note": "blind"})", 428);
    const auto edited =
        send(client, server, "PATCH", target, R"({"position": "concern", "note": "re-read"})", 200, etag);
    CHECK(edited.at("stance").at("position").as_string() == "concern");
    CHECK(edited.at("stance").at("note").as_string() == "re-read");
    const std::string edited_etag(edited.at("etag").as_string());
    send(client, server, "PATCH", target, R"({"position": "worried"})", 400, edited_etag);
    send(client, server, "PATCH", target, "{}", 400, edited_etag);
    send(client, server, "PATCH", "/api/stances/no-such-stance", R"({"note": "x"})", 404, edited_etag);
    const auto stale = send(client, server, "PATCH", target, R"({"note": "stale"})", 412, etag);
    CHECK(stale.at("error").at("current").at("note").as_string() == "re-read");
    send(client, server, "DELETE", target, "", 412, etag);

    const auto deleted = send(client, server, "DELETE", target, "", 200, edited_etag);
    const auto change_set = deleted.at("change_set").to_number<std::int64_t>();
    const auto view = get_json(client, "/api/documents/" + letter);
    CHECK_FALSE(lists_stance(view, "nld-eu-security-role-complements-nato"));
    send(client, server, "POST", "/api/undo", R"({"change_set": )" + std::to_string(change_set) + "}", 200);
    CHECK(lists_stance(get_json(client, "/api/documents/" + letter), "nld-eu-security-role-complements-nato"));
    send(client, server, "POST", "/api/undo", R"({"change_set": 999999})", 404);
}

TEST_CASE("serve api: stored suggestions accepted and rejected one by one") {
    TempDir dir;
    const std::string db = database_with_suggestions(dir);
    ServeProcess server(db);
    auto client = server.client();
    const auto open = get_json(client, "/api/suggestions?document=" + letter);
    const auto& list = open.at("suggestions").as_array();
    REQUIRE(list.size() >= 2);
    CHECK(get_json(client, "/api/documents/" + letter).at("suggestions").as_array().size() == list.size());
    const auto first = list[0].at("id").to_number<std::int64_t>();
    const auto second = list[1].at("id").to_number<std::int64_t>();

    const auto accepted = send(client, server, "POST", "/api/suggestions/" + std::to_string(first) + "/accept",
                               R"({"meeting": "nac-fm-2017-03-31", "topic": "russia", "id": "http-accepted"})", 201);
    CHECK(accepted.at("stance").at("id").as_string() == "http-accepted");
    CHECK(accepted.at("suggestion").at("status").as_string() != "open");
    const auto rejected = send(client, server, "POST", "/api/suggestions/" + std::to_string(second) + "/reject",
                               R"({"reason": "procedural, no position"})", 200);
    CHECK(rejected.at("suggestion").at("status").as_string() == "rejected");
    send(client, server, "POST", "/api/suggestions/" + std::to_string(second) + "/reject", R"({"reason": "again"})",
         422);
    send(client, server, "POST", "/api/suggestions/" + std::to_string(second) + "/reject", "{}", 400);
    send(client, server, "POST", "/api/suggestions/999999/accept", "{}", 404);
    const auto view = get_json(client, "/api/documents/" + letter);
    CHECK(view.at("suggestions").as_array().size() == list.size() - 2);
    CHECK(lists_stance(view, "http-accepted"));
    CHECK(get_json(client, "/api/suggestions?status=all").at("suggestions").as_array().size() == list.size());
}

namespace {

/// The records of an API list without the names it adds for a page.
boost::json::array without_names(const boost::json::value& list) {
    boost::json::array records = list.as_array();
    for (boost::json::value& record : records) {
        record.as_object().erase("names");
    }
    return records;
}

} // namespace

TEST_CASE("serve api: suggestions and change sets are the CLI's JSON records, key for key") {
    TempDir dir;
    const std::string db = database_with_suggestions(dir);
    ServeProcess server(db);
    auto client = server.client();
    const auto open = get_json(client, "/api/suggestions?status=all");
    const auto& first = open.at("suggestions").as_array().at(0).as_object();
    CHECK(first.at("names").at("actor").is_string());
    CHECK(first.at("stance").is_null()); // every key there, an id that is not there as null
    send(client, server, "POST",
         "/api/suggestions/" + std::to_string(first.at("id").to_number<std::int64_t>()) + "/reject",
         R"({"reason": "procedural"})", 200);

    const CliResult suggestions = run_stance({"--db", db, "review", "--status", "all", "--format", "json"});
    REQUIRE(suggestions.exit_code == 0);
    CHECK(without_names(get_json(client, "/api/suggestions?status=all").at("suggestions")) ==
          boost::json::parse(suggestions.out));
    const CliResult history = run_stance({"--db", db, "history", "-n", "1000", "--format", "json"});
    REQUIRE(history.exit_code == 0);
    const auto sets = get_json(client, "/api/history?limit=1000").at("change_sets");
    CHECK(sets == boost::json::parse(history.out));
    const auto& rejection = sets.as_array().at(0).at("changes").at(0);
    CHECK(rejection.at("kind").as_string() == "suggestion");
    CHECK(rejection.at("after").at("status").as_string() == "rejected");
    CHECK(rejection.at("fields").as_array().size() >= 1);
}

TEST_CASE("serve api: the agreement matrix and two actors' agreement on the UN fixture, as the CLI gives them") {
    TempDir dir;
    const std::string db = (dir / "unga.db").string();
    const std::string fixture = (source_dir() / "tests/data/unga").string();
    REQUIRE(run_stance({"--db", db, "-q", "import-unga", fixture, "--full-codes", fixture}).exit_code == 0);
    ServeProcess server(db);
    auto client = server.client();

    auto matrix = get_json(client, "/api/agreement-matrix?session=45").as_object();
    const CliResult cli = run_stance({"--db", db, "agreement-matrix", "--session", "45", "--format", "json"});
    REQUIRE(cli.exit_code == 0);
    const auto order = matrix.at("order").as_array();
    CHECK(order.size() == matrix.at("actors").as_array().size());
    CHECK(order.size() > 100);
    // The blocs run along the order, one after the other, and hold every actor once.
    const auto& blocs = matrix.at("blocs").as_array();
    REQUIRE(blocs.size() >= 2);
    std::size_t at = 0;
    for (std::size_t b = 0; b < blocs.size(); ++b) {
        CHECK(blocs[b].at("bloc").to_number<std::size_t>() == b + 1);
        for (const auto& member : blocs[b].at("members").as_array()) {
            REQUIRE(at < order.size());
            CHECK(member == order[at++]);
        }
        CHECK(blocs[b].at("size").to_number<std::size_t>() == blocs[b].at("members").as_array().size());
    }
    CHECK(at == order.size());
    matrix.erase("order");
    matrix.erase("blocs");
    CHECK(boost::json::value(matrix) == boost::json::parse(cli.out));
    const std::string heatmap = get_body(client, "/api/agreement-matrix.svg?session=45");
    CHECK(heatmap == run_stance({"--db", db, "agreement-matrix", "--session", "45", "--format", "svg"}).out);
    get_json(client, "/api/agreement-matrix?session=45&meeting=unga-45", 400);
    get_json(client, "/api/agreement-matrix?session=99", 404);

    const std::string pair = get_body(client, "/api/agreement?first=Netherlands&second=US");
    CHECK(pair + "\n" == run_stance({"--db", db, "agreement", "Netherlands", "US", "--format", "json"}).out);
    const std::string line = get_body(client, "/api/agreement.svg?first=nld&second=usa&by=session");
    CHECK(line == run_stance({"--db", db, "agreement", "nld", "usa", "--by", "session", "--format", "svg"}).out);
}
