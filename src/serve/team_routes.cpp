// The routes of a team server (docs/http-api.md, "Logins and coders"): logging in with a coder's
// name and password (a session cookie, HttpOnly and SameSite=Strict, and the CSRF token writes
// repeat), logging out, who the session is, and the admin routes of the coder accounts (the
// permission manage_coders). Passwords are passed to the directory and never kept, logged or sent.
#include <fmt/format.h>
#include <httplib.h>

#include "serve/http_error.hpp"
#include "serve/json_body.hpp"
#include "serve/routes.hpp"
#include "serve/team.hpp"
#include "stance/error.hpp"

namespace stance::serve {

namespace {

std::string set_cookie(std::string_view value, std::chrono::seconds max_age) {
    return fmt::format("{}={}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}", session_cookie, value, max_age.count());
}

boost::json::object session_json(const Caller& who, const std::string& csrf_token) {
    boost::json::array permissions;
    for (const Permission permission : who.permissions.list()) {
        permissions.emplace_back(to_string(permission));
    }
    return boost::json::object{{"team", true},
                               {"coder", boost::json::object{{"name", who.name},
                                                             {"display_name", who.display_name},
                                                             {"role", who.role ? to_string(*who.role) : "admin"},
                                                             {"permissions", std::move(permissions)}}},
                               {"csrf_token", csrf_token}};
}

void login(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const boost::json::object body = json_object_body(request, {"name", "password"});
    const std::string name = string_field(body, "name").value_or("");
    const std::string password = string_field(body, "password").value_or("");
    if (name.empty() || password.empty()) {
        throw request_error(400, R"(fields "name" and "password" are both required)");
    }
    Team& team = *api.team;
    if (const std::optional<std::chrono::seconds> wait = team.logins.wait(name, request.remote_addr)) {
        response.set_header("Retry-After", std::to_string(wait->count()));
        throw request_error(429, fmt::format("too many failed logins for this name or from this address: try again "
                                             "in {} s (an admin can reset a forgotten password)",
                                             wait->count()));
    }
    const std::optional<Coder> coder =
        team.passwords.with([&](CoderDirectory& directory) { return directory.authenticate(name, password); });
    if (!coder) {
        team.logins.failed(name, request.remote_addr);
        // One message for an unknown name, a wrong password and a disabled account alike.
        throw request_error(401, "the name or the password is not right (or the account is disabled)");
    }
    team.logins.succeeded(name);
    const NewSession session = team.sessions.open(coder->name);
    response.set_header("Set-Cookie", set_cookie(session.token, team.sessions.idle()));
    const Caller who{coder->name, coder->permissions, true, coder->display_name, coder->role};
    send_json(response, session_json(who, session.csrf_token));
}

void logout(const Api& api, const httplib::Request& request, httplib::Response& response) {
    api.team->sessions.close(session_token(request));
    response.set_header("Set-Cookie", set_cookie("", std::chrono::seconds{0}));
    send_json(response, boost::json::object{{"logged_out", true}});
}

void session(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const QueryParams params(request, {});
    const Caller who = caller(api, request);
    const std::optional<SessionInfo> info = api.team->sessions.find(session_token(request));
    send_json(response, session_json(who, info ? info->csrf_token : ""));
}

Caller admin_of(const Api& api, const httplib::Request& request) {
    Caller who = caller(api, request);
    require(who, Permission::manage_coders, "to manage coder accounts");
    return who;
}

void list_coders(const Api& api, const httplib::Request& request, httplib::Response& response) {
    const QueryParams params(request, {});
    (void)admin_of(api, request);
    const std::vector<Coder> coders =
        api.team->accounts.with([](CoderDirectory& directory) { return directory.coders(); });
    boost::json::array list;
    for (const Coder& coder : coders) {
        list.push_back(coder_json(coder));
    }
    send_json(response, boost::json::object{{"coders", std::move(list)}});
}

CoderRole role_field(const boost::json::object& body) {
    const std::string text = string_field(body, "role").value_or("");
    const std::optional<CoderRole> role = parse_coder_role(text);
    if (!role) {
        throw request_error(400,
                            fmt::format(R"(field "role": "{}" is not one of reader, coder, reviewer, admin)", text));
    }
    return *role;
}

std::optional<PermissionSet> permissions_field(const boost::json::object& body) {
    const boost::json::value* given = body.if_contains("permissions");
    if (given == nullptr || given->is_null()) {
        return std::nullopt;
    }
    if (!given->is_array()) {
        throw request_error(400, "field \"permissions\" must be a list of permission names");
    }
    PermissionSet set;
    for (const boost::json::value& item : given->as_array()) {
        const std::optional<Permission> permission =
            item.is_string() ? parse_permission(std::string_view(item.as_string())) : std::nullopt;
        if (!permission) {
            throw request_error(400, fmt::format("field \"permissions\": {} is not a permission (code_stances, "
                                                 "edit_others, review, add_documents, delete_documents, "
                                                 "import_data, manage_coders)",
                                                 boost::json::serialize(item)));
        }
        set.grant(*permission);
    }
    return set;
}

void add_coder(const Api& api, const httplib::Request& request, httplib::Response& response) {
    (void)admin_of(api, request);
    const boost::json::object body =
        json_object_body(request, {"name", "display_name", "role", "permissions", "password"});
    Coder coder;
    coder.name = string_field(body, "name").value_or("");
    coder.display_name = string_field(body, "display_name").value_or("");
    coder.role = body.contains("role") ? role_field(body) : CoderRole::coder;
    coder.permissions = permissions_field(body).value_or(default_permissions(coder.role));
    const std::string password = string_field(body, "password").value_or("");
    const std::optional<Coder> added = api.team->accounts.with([&](CoderDirectory& directory) {
        directory.add(coder, password);
        return directory.coder(coder.name);
    });
    send_json(response, boost::json::object{{"coder", coder_json(added.value_or(coder))}}, 201);
}

void change_coder(const Api& api, const httplib::Request& request, httplib::Response& response) {
    (void)admin_of(api, request);
    const boost::json::object body =
        json_object_body(request, {"display_name", "role", "permissions", "disabled", "password"});
    const std::string name = request.matches[1].str();
    const std::optional<std::string> password = string_field(body, "password");
    const Coder changed = api.team->accounts.with([&](CoderDirectory& directory) {
        std::optional<Coder> coder = directory.coder(name);
        if (!coder) {
            throw not_found_error(fmt::format("there is no coder \"{}\"", name));
        }
        coder->display_name = string_field(body, "display_name").value_or(coder->display_name);
        if (body.contains("role")) {
            coder->role = role_field(body);
            coder->permissions = default_permissions(coder->role); // unless given below
        }
        coder->permissions = permissions_field(body).value_or(coder->permissions);
        if (const boost::json::value* disabled = body.if_contains("disabled")) {
            if (!disabled->is_bool()) {
                throw request_error(400, "field \"disabled\" must be true or false");
            }
            coder->disabled = disabled->as_bool();
        }
        directory.update(*coder);
        if (password) {
            directory.set_password(name, *password);
        }
        return directory.coder(name).value_or(*coder);
    });
    if (changed.disabled || password) {
        api.team->sessions.close_all_of(
            changed.name); // a disabled coder, or one whose password was reset, logs in again
    }
    send_json(response, boost::json::object{{"coder", coder_json(changed)}});
}

} // namespace

void add_team_routes(httplib::Server& server, const Api& api) {
    auto route = [&api](ApiHandler handler) { return api_route(api, handler); };
    server.Post("/api/login", route(login));
    server.Post("/api/logout", route(logout));
    server.Get("/api/session", route(session));
    server.Get("/api/coders", route(list_coders));
    if (!api.read_only) {
        server.Post("/api/coders", route(add_coder));
        server.Patch("/api/coders/([^/]+)", route(change_coder));
    }
}

} // namespace stance::serve
