// Checking what was written to standard output; see standard_output.hpp.
#include "standard_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include <fmt/format.h>

#include "stance/error.hpp"

namespace stance::cli {

void flush_standard_output() {
    std::cout.flush(); // with the C++ streams synced to stdio, this flushes stdout too
    if (std::cout.good() && std::fflush(stdout) == 0 && std::ferror(stdout) == 0) {
        return;
    }
    const int cause = errno; // the caller cleared it before the writes, so it is theirs
    throw error(fmt::format("writing to standard output failed{}: the output is incomplete; check that it goes "
                            "somewhere with space left and that it is open",
                            cause != 0 ? fmt::format(" ({})", std::strerror(cause)) : ""));
}

bool standard_output_is_open() {
    return fcntl(STDOUT_FILENO, F_GETFD) != -1;
}

} // namespace stance::cli
