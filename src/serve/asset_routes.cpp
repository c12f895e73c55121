// Every GET that is not an API route is a page: answered from the assets compiled in (assets.hpp).
#include <fmt/format.h>
#include <httplib.h>

#include "serve/assets.hpp"
#include "serve/http_error.hpp"
#include "serve/routes.hpp"

namespace stance::serve {

void add_asset_routes(httplib::Server& server) {
    server.Get("/.*", answering_errors([](const httplib::Request& request, httplib::Response& response) {
                   const std::optional<Asset> asset = find_asset(request.path);
                   if (!asset || request.path.starts_with("/api/")) {
                       send_error(response, 404, fmt::format("no route GET {}", request.path));
                       return;
                   }
                   // The pages change only with the binary; a reload within a session may reuse them.
                   response.headers.erase("Cache-Control"); // the default no-store, replaced
                   response.set_header("Cache-Control", "no-cache");
                   response.set_content(std::string(asset->bytes), std::string(asset->content_type));
               }));
}

} // namespace stance::serve
