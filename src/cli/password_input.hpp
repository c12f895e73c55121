// Reading a new password for `stance coders add` and `stance coders passwd`. Never from the command
// line: every user of the machine sees a process's arguments (ps, /proc/PID/cmdline).
#pragma once

#include <string>
#include <string_view>

namespace stance::cli {

/// The first line of `file` when one is given; else standard input: at a terminal, typed twice
/// without echo; else the first line of what is piped in. The line's end ("\n" or "\r\n") is not
/// part of it. Throws invalid_input_error when there is no line, or the two typed differ.
[[nodiscard]] std::string read_new_password(const std::string& file, std::string_view coder);

} // namespace stance::cli
