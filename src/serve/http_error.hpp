// Every refused request gets one JSON form, whoever refuses it (the guard, a route, the library):
//   {"error": {"status": 404, "message": "…"}}
// with "candidates" (closest names) or "problems" (one per field of a coding) where the library
// gives them. Messages repeat what the request said and what the database holds, never a file
// path or SQL: storage failures are logged on the server's console and answered in general terms.
#pragma once

#include <exception>
#include <stdexcept>
#include <string>
#include <string_view>

#include <boost/json.hpp>

namespace httplib {
struct Response;
}

namespace stance::serve {

/// A request refused with `status` (400 a malformed request, 401, 403, 412, 413, 415, 429 …);
/// `details` go into the error object beside the message (the permission missing, the current state).
class request_error : public std::runtime_error {
public:
    request_error(int status, const std::string& message, boost::json::object details = {})
        : std::runtime_error(message), m_status(status), m_details(std::move(details)) {}
    [[nodiscard]] int status() const noexcept { return m_status; }
    [[nodiscard]] const boost::json::object& details() const noexcept { return m_details; }

private:
    int m_status;
    boost::json::object m_details;
};

/// The JSON error body for `status` and `message`, with `details` merged into "error".
[[nodiscard]] std::string error_body(int status, std::string_view message, const boost::json::object& details = {});

/// Sets `response` to the JSON error.
void send_error(httplib::Response& response, int status, std::string_view message,
                const boost::json::object& details = {});

/// Sets `response` to the JSON error for `failure`: request_error its status, not_found_error 404,
/// invalid_input_error 422 (the write rules and the library's checks), busy_error 503, any other
/// failure 500 without its text (which may name files), logged to standard error.
void send_exception(httplib::Response& response, const std::exception_ptr& failure);

/// The generic message of a status code ("Not Found"), for errors the HTTP library itself makes.
[[nodiscard]] std::string_view status_text(int status) noexcept;

} // namespace stance::serve
