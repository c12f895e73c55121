#include "serve/http_error.hpp"

#include <iostream>

#include <httplib.h>

#include "stance/error.hpp"

namespace stance::serve {

std::string error_body(int status, std::string_view message, const boost::json::object& details) {
    boost::json::object error{{"status", status}, {"message", message}};
    for (const auto& [key, value] : details) {
        error[key] = value;
    }
    return boost::json::serialize(boost::json::object{{"error", std::move(error)}});
}

void send_error(httplib::Response& response, int status, std::string_view message, const boost::json::object& details) {
    response.status = status;
    response.set_content(error_body(status, message, details), "application/json; charset=utf-8");
}

namespace {

boost::json::array as_array(const std::vector<std::string>& items) {
    boost::json::array out;
    for (const std::string& item : items) {
        out.emplace_back(item);
    }
    return out;
}

} // namespace

void send_exception(httplib::Response& response, const std::exception_ptr& failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const request_error& refused) {
        send_error(response, refused.status(), refused.what(), refused.details());
    } catch (const not_found_error& missing) {
        boost::json::object details;
        if (!missing.candidates().empty()) {
            details["candidates"] = as_array(missing.candidates());
        }
        send_error(response, 404, missing.what(), details);
    } catch (const invalid_input_error& invalid) {
        send_error(response, 422, invalid.what());
    } catch (const busy_error&) {
        send_error(response, 503, "the database is busy with another writer; try again in a moment");
    } catch (const storage_error& broken) {
        std::cerr << "stance serve: storage: " << broken.what() << '\n';
        send_error(response, 500, "the database could not be read or written; the server's console says why");
    } catch (const std::exception& unexpected) {
        std::cerr << "stance serve: unexpected error: " << unexpected.what() << '\n';
        send_error(response, 500, "internal error; the server's console says why");
    } catch (...) {
        std::cerr << "stance serve: unexpected error of unknown type\n";
        send_error(response, 500, "internal error");
    }
}

std::string_view status_text(int status) noexcept {
    switch (status) {
    case 400: return "bad request";
    case 401: return "this needs the write token, or a login";
    case 403: return "forbidden";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 408: return "the request took too long to arrive";
    case 412: return "the record changed since it was read";
    case 413: return "the request body is too large";
    case 414: return "the request line is too long";
    case 415: return "unsupported content type";
    case 416: return "range not satisfiable";
    case 428: return "this write needs If-Match";
    case 429: return "too many requests; slow down";
    case 500: return "internal error";
    case 503: return "service unavailable";
    default: return "request refused";
    }
}

} // namespace stance::serve
