#include <httplib.h>

#include "serve/http_error.hpp"
#include "serve/routes.hpp"
#include "serve/team.hpp"

namespace stance::serve {

Handler answering_errors(Handler handler) {
    return [handler = std::move(handler)](const httplib::Request& request, httplib::Response& response) {
        try {
            handler(request, response);
        } catch (...) {
            send_exception(response, std::current_exception());
        }
    };
}

Handler api_route(const Api& api, ApiHandler handler) {
    const Api* context = &api;
    return answering_errors([context, handler](const httplib::Request& request, httplib::Response& response) {
        handler(*context, request, response);
    });
}

Caller caller(const Api& api, const httplib::Request& request) {
    return caller_of(api.team, api.author, request);
}

void send_json(httplib::Response& response, const boost::json::value& value, int status) {
    send_json_text(response, boost::json::serialize(value), status);
}

void send_json_text(httplib::Response& response, const std::string& text, int status) {
    response.status = status;
    response.set_content(text, "application/json; charset=utf-8");
}

void send_svg(httplib::Response& response, const std::string& svg) {
    response.status = 200;
    // With a charset the type is not one cpp-httplib compresses: Debian's build compresses with
    // brotli at its slowest setting, which took 36 s for a 4.8 MB heatmap; on loopback sending the
    // bytes as they are is far faster.
    response.set_content(svg, "image/svg+xml; charset=utf-8");
}

} // namespace stance::serve
