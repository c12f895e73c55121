#include "progress_line.hpp"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace stance::cli {

namespace {

constexpr const char* clear_line = "\r\033[K"; // back to the line's start, then erase it

} // namespace

ProgressLine::ProgressLine(bool enabled) : m_enabled(enabled && isatty(STDERR_FILENO) == 1) {}

ProgressLine::~ProgressLine() {
    if (m_drawn) {
        std::fputs(clear_line, stderr);
    }
}

void ProgressLine::show(std::string_view text) {
    if (!m_enabled) {
        return;
    }
    std::fputs((clear_line + std::string(text)).c_str(), stderr);
    std::fflush(stderr);
    m_drawn = true;
}

} // namespace stance::cli
