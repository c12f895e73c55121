# What the benchmark scripts share (sourced by run_benchmarks.sh and run_pg_benchmarks.sh, not run):
# the Release build of the benchmark programs, reading their key=value lines, medians and ratios,
# GNU time's figures, the lines that say which machine a run was on, and writing a results block
# into docs/benchmarks.md between its markers.
#
# The sourcing script sets ROOT (the repository), BUILD (the build directory) and WORK (a temporary
# directory it removes at exit), and names itself in BENCH_NAME for its messages.

# The load when the run starts, before the build: what the figures' neighbours were doing.
BENCH_LOAD_AT_START=$(cut -d' ' -f1-3 < /proc/loadavg)

bench_fail() {
    echo "$BENCH_NAME: $*" >&2
    exit 1
}

# bench_require TOOL...: stops, naming the first tool that is not installed.
bench_require() {
    local tool
    for tool in "$@"; do
        command -v "$tool" > /dev/null || bench_fail "$tool is needed"
    done
}

# bench_build [CMAKE_OPTION...] -- TARGET...: configures $BUILD (BUILD_TYPE, Release by default;
# benchmarks on, tests and examples off) and builds the targets; on failure shows the log's end.
bench_build() {
    local -a options=()
    while [[ $# -gt 0 && "$1" != "--" ]]; do
        options+=("$1")
        shift
    done
    shift
    echo "== building ${BUILD_TYPE:-Release} in $BUILD" >&2
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" -DSTANCE_BUILD_BENCHMARKS=ON \
        -DSTANCE_BUILD_TESTS=OFF -DSTANCE_BUILD_EXAMPLES=OFF "${options[@]}" > "$WORK/cmake.log" 2>&1 ||
        { tail -n 30 "$WORK/cmake.log" >&2; bench_fail "cmake could not configure $BUILD"; }
    cmake --build "$BUILD" -j2 --target "$@" > "$WORK/build.log" 2>&1 ||
        { tail -n 30 "$WORK/build.log" >&2; bench_fail "the build failed in $BUILD"; }
}

# bench_decompress_tables DIR TABLE...: the shipped UN tables as plain CSV in DIR.
bench_decompress_tables() {
    local dir=$1 table
    shift
    mkdir -p "$dir"
    for table in "$@"; do
        gzip -dc "$ROOT/data/unvotes/$table.csv.gz" > "$dir/$table.csv"
    done
}

# median: the median of the numbers on standard input, one a line.
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# field KEY: the value of KEY=number on each line of standard input (KEY whole, not a suffix).
field() { sed -n "s/.*[^a-z_]$1=\([0-9.]*\).*/\1/p; s/^$1=\([0-9.]*\).*/\1/p"; }
# median_of KEY FILE: the median of KEY over the lines of FILE.
median_of() { field "$1" < "$2" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

# GNU time's format for the baselines: wall, CPU (user + system, summed by cpu_of) and peak memory.
TIME_FORMAT="seconds=%e user_seconds=%U system_seconds=%S peak_rss_kb=%M"
cpu_of() { awk '{ u = s = 0; for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "user_seconds") u = kv[2]; if (kv[1] == "system_seconds") s = kv[2] } printf "%.2f\n", u + s }'; }

# bench_machine: the two lines that open a results block (date, system, cores, memory, load).
bench_machine() {
    echo "Run of $(date -u +%Y-%m-%d) on $(uname -srm); $(nproc) cores ($(lscpu 2> /dev/null | sed -n 's/^Model name: *//p' | head -1));"
    echo "$(free -g | awk '/^Mem:/ { print $2 }') GB memory; load average at the start $BENCH_LOAD_AT_START."
}

# bench_write_block NAME RESULTS: prints RESULTS, then (unless NO_WRITE is set) puts it into
# docs/benchmarks.md in place of the block between the NAME-results markers, or at the end when
# the file has no such block.
bench_write_block() {
    local name=$1 results=$2 doc="$ROOT/docs/benchmarks.md"
    cat "$results"
    [[ -z "${NO_WRITE:-}" ]] || return 0
    if [[ -f "$doc" ]] && grep -q "$name-results:begin" "$doc"; then
        awk -v results="$results" -v begin="$name-results:begin" -v end="$name-results:end" '
            index($0, begin) { while ((getline line < results) > 0) print line; skip = 1; next }
            index($0, end) { skip = 0; next }
            !skip { print }' "$doc" > "$WORK/doc.md"
    else
        { [[ -f "$doc" ]] && cat "$doc"; echo; cat "$results"; } > "$WORK/doc.md"
    fi
    cp "$WORK/doc.md" "$doc"
    echo "== results written to $doc" >&2
}
