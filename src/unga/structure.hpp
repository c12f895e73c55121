// What the UN votes hang on, written before any vote: the United Nations and its General Assembly,
// the resolutions topic with one topic per issue (with the names analysts use for it), a meeting per
// session and per voting day under it, and an agenda item per roll call.
#pragma once

#include "stance/store/store.hpp"
#include "stance/unga/import.hpp"
#include "unga/roll_calls.hpp"

namespace stance::unga {

/// Writes it all into `session`; counts the sessions, voting days and roll calls in `summary`.
void write_structure(ImportSession& session, const RollCalls& roll_calls, UngaImportSummary& summary);

} // namespace stance::unga
