// A stored suggestion (model/suggestion.hpp) as the library's JSON: one object with every key, in
// the order of the history's records of it (docs/history.md), an id that is not there as null.
// What the Python bindings return for a suggestion; the history records the same keys.
#pragma once

#include <string>

#include "stance/model/suggestion.hpp"

namespace stance {

/// {"id": 3, "document": …, "start": …, "end": …, "actor": …, "speaker": null, "topic": …, …,
/// "cues": [...], "status": "open", "stance": null, "reviewer": "", …}: compact, one line.
[[nodiscard]] std::string to_json(const Suggestion& suggestion);

} // namespace stance
