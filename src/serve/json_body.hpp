// What a request says: its query parameters and its JSON body, read strictly. A parameter or field
// that is not one the route takes, a value of the wrong type or a malformed body is refused with
// 400 naming it, so that a typing slip in a tool's request is never silently ignored.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

namespace httplib {
struct Request;
}

namespace stance::serve {

/// The query parameters of one request.
class QueryParams {
public:
    /// Throws request_error 400 when the request has a parameter not in `known`.
    QueryParams(const httplib::Request& request, std::initializer_list<std::string_view> known);

    /// The value, or "" when absent.
    [[nodiscard]] std::string text(std::string_view name) const;
    /// The value; 400 when absent or empty.
    [[nodiscard]] std::string required(std::string_view name) const;
    /// Every value of a repeated parameter, each also split at commas ("basis=vote,statement").
    [[nodiscard]] std::vector<std::string> list(std::string_view name) const;
    /// true, false, 1, 0, or present without a value (true); absent: `otherwise`.
    [[nodiscard]] bool flag(std::string_view name, bool otherwise = false) const;
    [[nodiscard]] std::optional<std::int64_t> integer(std::string_view name, std::int64_t min, std::int64_t max) const;
    [[nodiscard]] std::optional<double> number(std::string_view name, double min, double max) const;

private:
    const httplib::Request& m_request;
};

/// The id the route's path names (the {id} of /api/stances/{id}): 400 unless it is a valid id
/// (stance/model/ids.hpp), so that a malformed id is told apart from one that names nothing (404).
/// `what` names the kind of record in the message ("stance", "meeting").
[[nodiscard]] std::string path_id(const httplib::Request& request, std::string_view what);

/// The request's body as a JSON object; 415 unless it is sent as application/json, 400 with the
/// place when it is not JSON or not an object, or has a field not in `known`.
[[nodiscard]] boost::json::object json_object_body(const httplib::Request& request,
                                                   std::initializer_list<std::string_view> known);

/// Fields of a JSON body, each refused with 400 naming it when it has the wrong type.
[[nodiscard]] std::optional<std::string> string_field(const boost::json::object& body, std::string_view name);
[[nodiscard]] std::optional<double> number_field(const boost::json::object& body, std::string_view name);
[[nodiscard]] std::optional<std::int64_t> integer_field(const boost::json::object& body, std::string_view name);
/// A field that may be a string or a number, as text ("score": 0.5 or "0.5"), for the coding form.
[[nodiscard]] std::optional<std::string> scalar_text_field(const boost::json::object& body, std::string_view name);

} // namespace stance::serve
