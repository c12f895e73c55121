// Who is asking, in `stance serve --team` (docs/team.md, "The workbench for a team"): the coder of
// the request's session, with the permissions their account has now (read again on every request,
// so that an admin's change or a disabled account counts at once), and the checks every route
// makes of them. Without --team the one user who holds the start-up token may do everything, and
// is the --by name.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "serve/login_throttle.hpp"
#include "serve/sessions.hpp"
#include "stance/team/coders.hpp"

namespace httplib {
struct Request;
}

namespace stance::serve {

/// The name of the cookie that carries a session's token.
inline constexpr std::string_view session_cookie = "stance_session";

/// The coder accounts of the database, for many threads: CoderDirectory calls one at a time.
class Accounts {
public:
    explicit Accounts(std::unique_ptr<CoderDirectory> directory) : m_directory(std::move(directory)) {}

    /// Runs `use` with the directory, alone.
    template <class Use> auto with(Use&& use) {
        const std::lock_guard lock(m_mutex);
        return use(*m_directory);
    }

private:
    std::mutex m_mutex;
    std::unique_ptr<CoderDirectory> m_directory;
};

/// What a team server holds besides the data: accounts, sessions, login attempts. Logins check
/// passwords through a directory of their own: a slow hash then holds up other logins only, not
/// every request's look-up of its coder.
struct Team {
    Team(std::unique_ptr<CoderDirectory> directory, std::unique_ptr<CoderDirectory> for_logins,
         std::chrono::seconds idle, std::chrono::seconds longest, LoginLimits limits)
        : accounts(std::move(directory)), passwords(std::move(for_logins)), sessions(idle, longest), logins(limits) {}

    Accounts accounts;
    Accounts passwords; ///< Only for authenticate().
    SessionTable sessions;
    LoginThrottle logins;
};

/// The maker of a request.
struct Caller {
    std::string name; ///< What the history and new stances record.
    PermissionSet permissions;
    bool team = false; ///< False: the token holder of a one-user server.
    std::string display_name{};
    std::optional<CoderRole> role{};
};

/// Every permission, for the one user of a server without --team.
[[nodiscard]] PermissionSet all_permissions();

/// The session token a request carries in its cookie ("" when none).
[[nodiscard]] std::string session_token(const httplib::Request& request);

/// The coder of the request's session in `team`; nothing when it has none, it expired, or the
/// account is gone or disabled (then the session ends too).
[[nodiscard]] std::optional<Caller> session_caller(Team& team, const httplib::Request& request);

/// The caller of a request: with `team`, its session's coder (401 when none); without, `author`
/// holding every permission (the guard has checked the token).
[[nodiscard]] Caller caller_of(Team* team, const std::string& author, const httplib::Request& request);

/// Throws request_error 403 naming `permission` (in the message and as "permission") unless
/// `caller` holds it; `what` says what it was needed for ("to review stances").
void require(const Caller& caller, Permission permission, std::string_view what);

/// A coder as the API shows one (never a password: the directory has none to give).
[[nodiscard]] boost::json::object coder_json(const Coder& coder);

} // namespace stance::serve
