// Standard output as the place a command's result goes: a result cut short (a full disk, a closed
// pipe) must not exit 0, so every command that prints checks the flush.
#pragma once

namespace stance::cli {

/// Flushes standard output; throws stance::error when anything written to it was lost (a full disk,
/// a closed pipe), so that a command that printed its result never exits 0 with the result cut short.
/// The message gives errno's reason: clear errno before the writes this checks.
void flush_standard_output();

/// Whether standard output is open. Closed at start (`>&-`), the next file opened would take its
/// number, and what the command prints would end up in that file.
[[nodiscard]] bool standard_output_is_open();

} // namespace stance::cli
