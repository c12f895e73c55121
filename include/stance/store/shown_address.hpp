// The form of a store address that messages, logs and consoles may show.
#pragma once

#include <string>
#include <string_view>

namespace stance {

/// `address` without its secret: a PostgreSQL URL's `user:secret@` becomes `user@`, and every
/// `password=…` value (a libpq key=value string, a URL's query) becomes `password=***`. A SQLite path
/// comes back as it is, trimmed. What a program prints about the database it opened goes through this,
/// so that a password given in `--db` does not end up in a terminal's scrollback or a log.
[[nodiscard]] std::string shown_address(std::string_view address);

} // namespace stance
