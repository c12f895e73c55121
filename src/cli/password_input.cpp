// A new password from a file, a pipe, or typed at a terminal without echo; see password_input.hpp.
#include "password_input.hpp"

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <string>

#include <fmt/format.h>

#include "command_input.hpp"
#include "stance/error.hpp"

namespace stance::cli {

namespace {

std::string first_line(const std::string& text) {
    std::string line = text.substr(0, text.find('\n'));
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return line;
}

/// Turns the terminal's echo off while it lives, so that what is typed is not shown.
class HiddenInput {
public:
    HiddenInput() : m_restore(tcgetattr(STDIN_FILENO, &m_saved) == 0) {
        if (m_restore) {
            termios hidden = m_saved;
            hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            m_restore = tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden) == 0;
        }
    }
    HiddenInput(const HiddenInput&) = delete;
    HiddenInput& operator=(const HiddenInput&) = delete;
    ~HiddenInput() {
        if (m_restore) {
            (void)tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
        }
    }

private:
    termios m_saved{};
    bool m_restore;
};

std::string typed_line(const std::string& prompt) {
    std::cerr << prompt << std::flush;
    std::string line;
    {
        const HiddenInput hidden;
        std::getline(std::cin, line);
    }
    std::cerr << '\n';
    return first_line(line);
}

std::string typed_twice(std::string_view coder) {
    std::string password = typed_line(fmt::format("New password for coder \"{}\": ", coder));
    if (typed_line("The same password again: ") != password) {
        throw invalid_input_error("password", "the two passwords typed differ; nothing was changed, try again");
    }
    return password;
}

std::string piped_line() {
    std::string line;
    if (!std::getline(std::cin, line)) {
        throw invalid_input_error("password", "standard input holds no line; pipe the password in (one line), or "
                                              "name a file holding it with --password-file");
    }
    return first_line(line);
}

} // namespace

std::string read_new_password(const std::string& file, std::string_view coder) {
    if (!file.empty()) {
        const std::string text = read_file_bytes(file);
        if (text.empty()) {
            throw invalid_input_error(file, "the password file is empty; write the password on its first line");
        }
        return first_line(text);
    }
    return isatty(STDIN_FILENO) == 1 ? typed_twice(coder) : piped_line();
}

} // namespace stance::cli
