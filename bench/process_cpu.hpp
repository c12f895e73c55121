// CPU time of processes on this machine, for benchmarks whose work is partly done by another
// process: a PostgreSQL server's backend answers a client's queries, so the client's own CPU time
// leaves most of the work out. Linux's /proc/PID/schedstat gives a process's time on a CPU in
// nanoseconds (its first field): fine enough for queries of a few milliseconds, where
// /proc/PID/stat counts clock ticks of 10 ms.
#pragma once

#include <ctime>
#include <fstream>
#include <optional>
#include <string>

namespace stance::bench {

/// The CPU time (user + system, all threads) this process has used so far, in milliseconds.
inline double own_cpu_milliseconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
}

/// The time process `pid` (its main thread) has spent on a CPU so far, in milliseconds; nothing
/// when it cannot be read (the process is gone, or runs on another machine).
inline std::optional<double> process_cpu_milliseconds(int pid) {
    std::ifstream schedstat("/proc/" + std::to_string(pid) + "/schedstat");
    unsigned long long nanoseconds = 0;
    if (!(schedstat >> nanoseconds)) {
        return std::nullopt;
    }
    return static_cast<double>(nanoseconds) / 1e6;
}

} // namespace stance::bench
