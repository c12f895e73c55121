#include "serve/team.hpp"

#include <fmt/format.h>
#include <httplib.h>

#include "serve/http_error.hpp"

namespace stance::serve {

PermissionSet all_permissions() {
    return default_permissions(CoderRole::admin);
}

std::string session_token(const httplib::Request& request) {
    // Several Cookie headers are joined as one list would be.
    std::string token;
    for (std::size_t i = 0; i < request.get_header_value_count("Cookie") && token.empty(); ++i) {
        token = cookie_value(request.get_header_value("Cookie", i), session_cookie);
    }
    return token;
}

std::optional<Caller> session_caller(Team& team, const httplib::Request& request) {
    const std::string token = session_token(request);
    const std::optional<SessionInfo> session = team.sessions.find(token);
    if (!session) {
        return std::nullopt;
    }
    const std::optional<Coder> coder =
        team.accounts.with([&](CoderDirectory& directory) { return directory.coder(session->coder); });
    if (!coder || coder->disabled) {
        team.sessions.close(token);
        return std::nullopt;
    }
    return Caller{coder->name, coder->permissions, true, coder->display_name, coder->role};
}

Caller caller_of(Team* team, const std::string& author, const httplib::Request& request) {
    if (team == nullptr) {
        return Caller{author, all_permissions()};
    }
    std::optional<Caller> caller = session_caller(*team, request);
    if (!caller) {
        throw request_error(401, "log in first: this server serves a team, and every route needs a coder's login "
                                 "(POST /api/login)");
    }
    return std::move(*caller);
}

void require(const Caller& caller, Permission permission, std::string_view what) {
    if (caller.permissions.has(permission)) {
        return;
    }
    throw request_error(403,
                        fmt::format("coder \"{}\" lacks the permission \"{}\" {}; an admin can grant it "
                                    "(stance coders, or PATCH /api/coders/NAME)",
                                    caller.name, to_string(permission), what),
                        boost::json::object{{"permission", to_string(permission)}});
}

boost::json::object coder_json(const Coder& coder) {
    boost::json::array permissions;
    for (const Permission permission : coder.permissions.list()) {
        permissions.emplace_back(to_string(permission));
    }
    return boost::json::object{{"name", coder.name},
                               {"display_name", coder.display_name},
                               {"role", to_string(coder.role)},
                               {"permissions", std::move(permissions)},
                               {"disabled", coder.disabled},
                               {"created_at", coder.created_at}};
}

} // namespace stance::serve
