// The JSON form of query results, as `stance evolution|snapshot|compare --format json` prints them.
// Field names are documented in docs/queries.md; dates are ISO 8601, ids are the dataset's slugs,
// source spans are {"document", "start", "end"} byte offsets into the document's UTF-8 text.
#pragma once

#include <string>

namespace stance {

struct Evolution;
struct Snapshot;
struct Comparison;

/// One JSON object, without a trailing newline.
[[nodiscard]] std::string to_json(const Evolution& evolution);
[[nodiscard]] std::string to_json(const Snapshot& snapshot);
[[nodiscard]] std::string to_json(const Comparison& comparison);

} // namespace stance
