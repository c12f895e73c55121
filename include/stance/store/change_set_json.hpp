// A change set of the history (store/history.hpp) as the library's JSON: the one form that the
// CLI's `history --format json`, the HTTP API's /api/history and the Python bindings' history()
// all give, so its keys cannot differ between them (docs/history.md lists them).
#pragma once

#include <string>

#include "stance/store/history.hpp"

namespace stance {

/// {"id": 4, "action": "code", "by": "ana", "at": "…", "summary": "…", "bulk_stances": 0,
/// "undoes": null, "undone_by": null, "changes": [{"kind": "stance", "id": "…", "before": null,
/// "after": {…}, "fields": [{"field": "position", "before": "\"support\"", "after": "\"concern\""}]}]}:
/// every key always there, a missing number as null, each state as the record's own JSON (its
/// dataset form; a suggestion's as the history records it), each changed field's values as JSON
/// text. Compact, one line.
[[nodiscard]] std::string to_json(const ChangeSet& change_set);

} // namespace stance
