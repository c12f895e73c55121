// No lost update: a stance's entity tag is a digest of its recorded state (the dataset JSON the
// history keeps, ImportSession::recorded_state), sent with every read of it; an edit or a delete
// must send it back in If-Match, and is refused with 412 when the stance has changed since, the
// comparison made inside the write's own transaction (under the writer's lock), so that of two
// edits made from one read exactly one is written.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "stance/model/stance.hpp"

namespace httplib {
struct Request;
}

namespace stance::serve {

/// "\"s-<32 hex digits>\"": the strong entity tag of a record's state.
[[nodiscard]] std::string state_etag(std::string_view recorded_state);
/// The tag of a stance as read: the same as state_etag of its recorded state.
[[nodiscard]] std::string stance_etag(const Stance& stance);

/// True when the If-Match header `header` ("\"s-…\"", a list of tags, or "*") matches `etag`.
[[nodiscard]] bool if_match_accepts(std::string_view header, std::string_view etag);

/// The request's If-Match; throws request_error 428 naming `what` when it has none.
[[nodiscard]] std::string required_if_match(const httplib::Request& request, std::string_view what);

} // namespace stance::serve
