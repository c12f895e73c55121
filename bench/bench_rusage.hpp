// What the benchmarks read from getrusage besides peak memory: the CPU time of the process.
#pragma once

#include <sys/resource.h>

namespace stance::bench {

/// User plus system time, in seconds.
inline double cpu_seconds(const rusage& usage) {
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

} // namespace stance::bench
