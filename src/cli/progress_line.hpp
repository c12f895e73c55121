// One line of progress on standard error, redrawn in place while a long command works (import-unga,
// copy) and cleared when it ends; silent when standard error is not a terminal, so logs and pipes
// get only the result.
#pragma once

#include <string_view>

namespace stance::cli {

class ProgressLine {
public:
    /// `enabled` false (--quiet) keeps it silent on a terminal too.
    explicit ProgressLine(bool enabled);
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    /// Replaces the line with `text`.
    void show(std::string_view text);

private:
    bool m_enabled;
    bool m_drawn = false;
};

} // namespace stance::cli
