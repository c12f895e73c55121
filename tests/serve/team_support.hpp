// What the tests of `stance serve --team` share: coder accounts made through the library's
// CoderDirectory, and a client that logs in as one coder (its session cookie and CSRF token kept)
// and sends the requests of the workbench's pages.
#pragma once

#include <string>
#include <utility>

#include <boost/json.hpp>
#include <doctest/doctest.h>
#include <httplib.h>

#include "serve_support.hpp"
#include "stance/team/coders.hpp"

namespace stance::test {

/// Every test coder's password (long enough for the directory's rule).
inline const std::string team_password = "a long test password";

/// Adds coder `name` with `role` (and its default permissions) to the database at `address`.
inline void add_coder(const std::string& address, const std::string& name, CoderRole role) {
    const auto directory = CoderDirectory::open(address);
    Coder coder;
    coder.name = name;
    coder.display_name = "Coder " + name;
    coder.role = role;
    coder.permissions = default_permissions(role);
    directory->add(coder, team_password);
}

/// One answer: its status, the ETag header and the body as JSON (null when not JSON).
struct Answer {
    int status = -1;
    std::string etag;
    boost::json::value json;
    std::string body;
};

class TeamClient {
public:
    TeamClient(const ServeProcess& server) : m_client(server.client()), m_origin("http://" + server.host()) {
        m_client.set_keep_alive(true);
    }

    /// Logs in; the status of the login (200 when it worked).
    int login(const std::string& name, const std::string& password = team_password) {
        boost::json::object body{{"name", name}, {"password", password}};
        const Answer answer = send("POST", "/api/login", boost::json::serialize(body));
        if (answer.status == 200) {
            m_csrf = std::string(answer.json.at("csrf_token").as_string());
            m_cookie = m_pending_cookie;
        }
        return answer.status;
    }

    /// The session cookie's value (after a login).
    [[nodiscard]] const std::string& cookie() const { return m_cookie; }
    [[nodiscard]] const std::string& csrf() const { return m_csrf; }
    void set_csrf(std::string csrf) { m_csrf = std::move(csrf); }

    Answer get(const std::string& target) { return send("GET", target, ""); }

    /// `method` with `body` (JSON), the session's cookie and CSRF token, the page's Origin, and
    /// If-Match when `if_match` is not empty.
    Answer send(const std::string& method, const std::string& target, const std::string& body,
                const std::string& if_match = "") {
        httplib::Headers headers{{"Origin", m_origin}};
        if (!m_cookie.empty()) {
            headers.emplace("Cookie", "stance_session=" + m_cookie);
        }
        if (!m_csrf.empty()) {
            headers.emplace("X-CSRF-Token", m_csrf);
        }
        if (!if_match.empty()) {
            headers.emplace("If-Match", if_match);
        }
        httplib::Result result = method == "GET"     ? m_client.Get(target, headers)
                                 : method == "POST"  ? m_client.Post(target, headers, body, "application/json")
                                 : method == "PATCH" ? m_client.Patch(target, headers, body, "application/json")
                                                     : m_client.Delete(target, headers, body, "application/json");
        REQUIRE_MESSAGE(result, method, " ", target, ": no answer");
        Answer answer;
        answer.status = result->status;
        answer.etag = result->get_header_value("ETag");
        answer.body = result->body;
        m_pending_cookie = session_from(result->get_header_value("Set-Cookie"));
        if (result->get_header_value("Content-Type").starts_with("application/json")) {
            answer.json = boost::json::parse(result->body);
        }
        return answer;
    }

private:
    static std::string session_from(const std::string& set_cookie) {
        const std::string prefix = "stance_session=";
        if (!set_cookie.starts_with(prefix)) {
            return "";
        }
        return set_cookie.substr(prefix.size(), set_cookie.find(';') - prefix.size());
    }

    httplib::Client m_client;
    std::string m_origin;
    std::string m_cookie;
    std::string m_pending_cookie;
    std::string m_csrf;
};

} // namespace stance::test
