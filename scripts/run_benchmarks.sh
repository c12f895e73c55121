#!/usr/bin/env bash
# Builds stance in Release and runs the UN General Assembly benchmarks (bench/), each beside its
# baseline in the same run, then writes the results into docs/benchmarks.md between the
# "unga-results" markers (the rest of that file is left alone).
#
#   scripts/run_benchmarks.sh            # build in build-bench/, work in a temporary directory
#   RUNS=5 scripts/run_benchmarks.sh     # more repetitions of each import (median reported)
#   NO_WRITE=1 scripts/run_benchmarks.sh # print the results, leave docs/benchmarks.md as it is
#   QUICK=1 scripts/run_benchmarks.sh    # leave out the two slow baselines nobody is close to (the
#                                        # raw-SQL matrix of every session, ~5 minutes) and the ideal points
#   BUILD=DIR BUILD_TYPE=TYPE scripts/run_benchmarks.sh  # another build tree or CMake build type
#
# Every figure is printed with the CPU time (user + system) beside the wall time: on a shared
# machine the wall time says as much about the other processes. The raw lines of each program are
# kept in $BUILD/last-run/ for a look after the run. What the benchmark scripts share (the build,
# medians and ratios, writing between the markers) is in scripts/bench_lib.sh.
#
# Needs: cmake, a C++20 compiler, the sqlite3 command-line tool (the baseline), GNU time
# (/usr/bin/time, for the baseline's peak memory), gzip, awk; python3 and node/npm for the matrices
# baselines (python3-pandas and @duckdb/node-api are installed here when missing).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench}
RUNS=${RUNS:-3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/stance-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
BENCH_NAME=run_benchmarks
source "$ROOT/scripts/bench_lib.sh"

bench_require cmake sqlite3 gzip awk /usr/bin/time
bench_build -- bench_unga_import bench_unga_queries bench_agreement_matrices bench_export bench_ideal_points
IMPORT="$BUILD/bench/bench_unga_import"
QUERIES="$BUILD/bench/bench_unga_queries"
MATRICES="$BUILD/bench/bench_agreement_matrices"
EXPORT="$BUILD/bench/bench_export"
IDEAL="$BUILD/bench/bench_ideal_points"

# The baselines of the matrices benchmark: Debian's pandas and numpy, and DuckDB from npm (kept in
# the build directory, so a second run installs nothing).
PYTHON=${PYTHON:-/usr/bin/python3} # Debian's, where python3-pandas installs
if ! "$PYTHON" -c "import pandas, numpy" 2> /dev/null; then
    echo "== installing python3-pandas (the pandas baseline)" >&2
    apt-get install -y python3-pandas > "$WORK/apt.log"
fi
if [[ ! -d "$BUILD/node/node_modules/@duckdb/node-api" ]]; then
    echo "== installing @duckdb/node-api (the DuckDB baseline)" >&2
    mkdir -p "$BUILD/node"
    npm install --prefix "$BUILD/node" --no-audit --no-fund @duckdb/node-api > "$WORK/npm.log"
fi

# Inputs: the shipped tables, decompressed for the baseline (sqlite3 reads plain CSV only), and the
# same history twice over (the copy's roll calls renumbered rcid + 100000) for the memory test.
TABLES="un_votes un_roll_calls un_roll_call_issues"
bench_decompress_tables "$WORK/csv" $TABLES
mkdir -p "$WORK/double"
for table in $TABLES; do
    {
        cat "$WORK/csv/$table.csv"
        tail -n +2 "$WORK/csv/$table.csv" |
            awk '{ comma = index($0, ","); print (substr($0, 1, comma - 1) + 100000) substr($0, comma) }'
    } > "$WORK/double/$table.csv"
done

# 1. Import: stance against `sqlite3 .import` of un_votes.csv plus one index, alternating runs.
echo "== import, $RUNS runs each" >&2
: > "$WORK/baseline.txt"; : > "$WORK/stance_gz.txt"; : > "$WORK/stance_csv.txt"
for run in $(seq "$RUNS"); do
    rm -f "$WORK/raw.db"
    /usr/bin/time -f "$TIME_FORMAT" -o "$WORK/time.txt" \
        sqlite3 "$WORK/raw.db" ".import --csv $WORK/csv/un_votes.csv un_votes" \
        "CREATE INDEX un_votes_by_country ON un_votes(country_code, rcid);"
    cat "$WORK/time.txt" >> "$WORK/baseline.txt"
    "$IMPORT" "$WORK/stance.db" "$ROOT/data/unvotes" >> "$WORK/stance_gz.txt"
    "$IMPORT" "$WORK/stance-csv.db" "$WORK/csv" >> "$WORK/stance_csv.txt"
done
BASE_S=$(median_of seconds "$WORK/baseline.txt")
BASE_CPU=$(cpu_of < "$WORK/baseline.txt" | median)
GZ_CPU=$(median_of cpu_seconds "$WORK/stance_gz.txt")
CSV_CPU=$(median_of cpu_seconds "$WORK/stance_csv.txt")
BASE_KB=$(median_of peak_rss_kb "$WORK/baseline.txt")
GZ_S=$(median_of seconds "$WORK/stance_gz.txt")
GZ_KB=$(median_of peak_rss_kb "$WORK/stance_gz.txt")
CSV_S=$(median_of seconds "$WORK/stance_csv.txt")
CSV_KB=$(median_of peak_rss_kb "$WORK/stance_csv.txt")
BASE_MB=$(du -m "$WORK/raw.db" | cut -f1)
STANCE_MB=$(du -m "$WORK/stance.db" | cut -f1)

echo "== import of twice the history, and with the full-codes release" >&2
DOUBLE=$("$IMPORT" "$WORK/double.db" "$WORK/double")
DOUBLE_MB=$(du -m "$WORK/double.db" | cut -f1) # kept for the export benchmark
rm -f "$WORK/raw2.db"
/usr/bin/time -f "$TIME_FORMAT" -o "$WORK/time2.txt" \
    sqlite3 "$WORK/raw2.db" ".import --csv $WORK/double/un_votes.csv un_votes" \
    "CREATE INDEX un_votes_by_country ON un_votes(country_code, rcid);"
rm -f "$WORK/raw2.db"
FULL=$("$IMPORT" "$WORK/full.db" "$ROOT/data/unvotes" "$ROOT/data/voeten_unvotes_2016")
FULL_MB=$(du -m "$WORK/full.db" | cut -f1)
rm -f "$WORK/full.db"* "$WORK/stance-csv.db"*

# 2. Queries: the stance database against hand-written SQL on the raw tables, with the indexes an
# analyst would add for these questions.
echo "== queries" >&2
sqlite3 "$WORK/raw.db" ".import --csv $WORK/csv/un_roll_calls.csv un_roll_calls" \
    ".import --csv $WORK/csv/un_roll_call_issues.csv un_roll_call_issues" \
    "CREATE INDEX un_votes_by_rcid ON un_votes(rcid);
     CREATE INDEX un_roll_calls_by_rcid ON un_roll_calls(rcid);
     CREATE INDEX un_roll_calls_by_session ON un_roll_calls(session);
     CREATE INDEX un_roll_call_issues_by_rcid ON un_roll_call_issues(rcid, short_name);
     ANALYZE;"
"$QUERIES" "$WORK/stance.db" "$WORK/raw.db" ${QUICK:+--no-matrix} > "$WORK/queries.md"

# 3. Every session's agreement matrix, each tool in a fresh process, timed whole by GNU time:
# stance from its database, pandas + numpy and DuckDB from the CSV files. OPENBLAS_CORETYPE and
# OPENBLAS_L2_SIZE, when the environment sets them, are unset for numpy (they can pick a slow kernel).
echo "== all session matrices, $RUNS runs each" >&2
cp "$ROOT/bench/agreement_duckdb.mjs" "$BUILD/node/agreement_duckdb.mjs"
: > "$WORK/m_stance.txt"; : > "$WORK/m_pandas.txt"; : > "$WORK/m_duckdb.txt"
for run in $(seq "$RUNS"); do
    /usr/bin/time -f "process_seconds=%e peak_rss_kb=%M" -o "$WORK/t.txt" "$MATRICES" "$WORK/stance.db" > "$WORK/out.txt"
    echo "$(cat "$WORK/out.txt") $(cat "$WORK/t.txt") $("$MATRICES" "$WORK/stance.db" --split | sed 's/.*\(read_seconds\)/\1/')" \
        >> "$WORK/m_stance.txt"
    /usr/bin/time -f "process_seconds=%e peak_rss_kb=%M" -o "$WORK/t.txt" \
        env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
        "$PYTHON" "$ROOT/bench/agreement_pandas.py" "$WORK/csv/un_votes.csv" "$WORK/csv/un_roll_calls.csv" > "$WORK/out.txt"
    echo "$(cat "$WORK/out.txt") $(cat "$WORK/t.txt")" >> "$WORK/m_pandas.txt"
    /usr/bin/time -f "process_seconds=%e peak_rss_kb=%M" -o "$WORK/t.txt" \
        node "$BUILD/node/agreement_duckdb.mjs" "$WORK/csv/un_votes.csv" "$WORK/csv/un_roll_calls.csv" > "$WORK/out.txt"
    echo "$(cat "$WORK/out.txt") $(cat "$WORK/t.txt")" >> "$WORK/m_duckdb.txt"
done
S_PROC=$(median_of process_seconds "$WORK/m_stance.txt")
S_READ=$(median_of read_seconds "$WORK/m_stance.txt")
S_COMP=$(median_of compute_seconds "$WORK/m_stance.txt")
S_KB=$(median_of peak_rss_kb "$WORK/m_stance.txt")
P_PROC=$(median_of process_seconds "$WORK/m_pandas.txt")
P_READ=$(median_of read_seconds "$WORK/m_pandas.txt")
P_COMP=$(median_of compute_seconds "$WORK/m_pandas.txt")
P_KB=$(median_of peak_rss_kb "$WORK/m_pandas.txt")
D_PROC=$(median_of process_seconds "$WORK/m_duckdb.txt")
D_KB=$(median_of peak_rss_kb "$WORK/m_duckdb.txt")
S_PAIRS=$(sed -n 's/.* pairs=\([0-9]*\).*/\1/p' "$WORK/m_stance.txt" | head -1)
P_PAIRS=$(sed -n 's/.* pairs=\([0-9]*\).*/\1/p' "$WORK/m_pandas.txt" | head -1)
D_PAIRS=$(sed -n 's/.*pairs=\([0-9]*\).*/\1/p' "$WORK/m_duckdb.txt" | head -1)

# 4. Export: the streaming export of the history and of twice the history, each beside two
# baselines run on the same machine just before it: a copy of a file the export's size with the
# same final fsync (what the disk allows), and the sqlite3 tool's .dump of the same database.
echo "== export, $RUNS runs each" >&2
export_runs() { # database tag
    : > "$WORK/e_$2.txt"; : > "$WORK/k_$2.txt"; : > "$WORK/c_$2.txt"; : > "$WORK/d_$2.txt"
    for run in $(seq "$RUNS"); do
        "$EXPORT" "$1" "$WORK/export_$2.json" >> "$WORK/e_$2.txt"
        "$EXPORT" --integrity-check "$1" >> "$WORK/k_$2.txt"
        rm -f "$WORK/copy.json"
        /usr/bin/time -f "$TIME_FORMAT" -o "$WORK/t.txt" \
            dd if="$WORK/export_$2.json" of="$WORK/copy.json" bs=1M conv=fsync status=none
        cat "$WORK/t.txt" >> "$WORK/c_$2.txt"
        /usr/bin/time -f "$TIME_FORMAT" -o "$WORK/t.txt" sqlite3 "$1" .dump > "$WORK/dump.sql"
        cat "$WORK/t.txt" >> "$WORK/d_$2.txt"
    done
    EXPORT_MB_[$2]=$(du -m "$WORK/export_$2.json" | cut -f1)
    DUMP_MB_[$2]=$(du -m "$WORK/dump.sql" | cut -f1)
    rm -f "$WORK/export_$2.json" "$WORK/copy.json" "$WORK/dump.sql"
}
declare -A EXPORT_MB_ DUMP_MB_
export_runs "$WORK/stance.db" single
export_runs "$WORK/double.db" double
rm -f "$WORK/double.db"*
export_row() { # tag label
    local e_s c_s d_s e_cpu c_cpu d_cpu
    e_s=$(median_of seconds "$WORK/e_$1.txt")
    c_s=$(median_of seconds "$WORK/c_$1.txt")
    d_s=$(median_of seconds "$WORK/d_$1.txt")
    e_cpu=$(median_of cpu_seconds "$WORK/e_$1.txt")
    c_cpu=$(cpu_of < "$WORK/c_$1.txt" | median)
    d_cpu=$(cpu_of < "$WORK/d_$1.txt" | median)
    echo "| copy of a file the export's size, $2 (\`dd conv=fsync\`) | $c_s | $c_cpu | 1.00 | $(mb "$(median_of peak_rss_kb "$WORK/c_$1.txt")") MB | ${EXPORT_MB_[$1]} MB |"
    echo "| sqlite3 \`.dump\` of the same database, $2 | $d_s | $d_cpu | $(ratio "$d_s" "$c_s") | $(mb "$(median_of peak_rss_kb "$WORK/d_$1.txt")") MB | ${DUMP_MB_[$1]} MB |"
    echo "| stance export (streamed, fsync'd), $2 | $e_s | $e_cpu | $(ratio "$e_s" "$c_s") | $(mb "$(median_of peak_rss_kb "$WORK/e_$1.txt")") MB | ${EXPORT_MB_[$1]} MB |"
    echo "| SQLite's integrity_check alone (the export runs it first), $2 | $(median_of check_seconds "$WORK/k_$1.txt") | $(median_of check_cpu_seconds "$WORK/k_$1.txt") | | | |"
}

{
    echo "<!-- unga-results:begin (written by scripts/run_benchmarks.sh; do not edit by hand) -->"
    bench_machine
    echo "SQLite $(sqlite3 --version | cut -d' ' -f1), $(c++ --version | head -1). Median of $RUNS runs for the imports."
    echo
    echo "**Import of un_votes.csv (869,937 votes)**"
    echo
    echo "| what | seconds | ratio to baseline | CPU seconds | CPU ratio | peak memory | database |"
    echo "| --- | --- | --- | --- | --- | --- | --- |"
    echo "| baseline: \`sqlite3 .import\` + one index (4 text columns) | $BASE_S | 1.00 | $BASE_CPU | 1.00 | $(mb "$BASE_KB") MB | $BASE_MB MB |"
    echo "| stance import-unga, shipped .csv.gz (full model, provenance) | $GZ_S | $(ratio "$GZ_S" "$BASE_S") | $GZ_CPU | $(ratio "$GZ_CPU" "$BASE_CPU") | $(mb "$GZ_KB") MB | $STANCE_MB MB |"
    echo "| stance import-unga, the same plain CSV as the baseline | $CSV_S | $(ratio "$CSV_S" "$BASE_S") | $CSV_CPU | $(ratio "$CSV_CPU" "$BASE_CPU") | $(mb "$CSV_KB") MB | |"
    echo "| baseline, twice the history (1,739,874 votes) | $(field seconds < "$WORK/time2.txt") | | $(cpu_of < "$WORK/time2.txt") | | $(mb "$(field peak_rss_kb < "$WORK/time2.txt")") MB | |"
    echo "| stance, twice the history | $(echo "$DOUBLE" | field seconds) | $(ratio "$(echo "$DOUBLE" | field seconds)" "$(field seconds < "$WORK/time2.txt")") | $(echo "$DOUBLE" | field cpu_seconds) | $(ratio "$(echo "$DOUBLE" | field cpu_seconds)" "$(cpu_of < "$WORK/time2.txt")") | $(mb "$(echo "$DOUBLE" | field peak_rss_kb)") MB | $DOUBLE_MB MB |"
    echo "| stance with the full-codes release (+73,328 absent, +254,521 not a member) | $(echo "$FULL" | field seconds) | | $(echo "$FULL" | field cpu_seconds) | | $(mb "$(echo "$FULL" | field peak_rss_kb)") MB | $FULL_MB MB |"
    echo
    echo "**Analyses on the full history** (stance database against hand-written SQL on the raw tables; times in ms)"
    echo
    cat "$WORK/queries.md"
    echo
    echo "**All 74 session agreement matrices, fresh process each** (median of $RUNS; process time by GNU time)"
    echo
    echo "| what | process seconds | ratio to stance | read s | compute s | peak memory | pairs |"
    echo "| --- | --- | --- | --- | --- | --- | --- |"
    echo "| stance agreement_matrices() from its database | $S_PROC | 1.00 | $S_READ | $S_COMP | $(mb "$S_KB") MB | $S_PAIRS |"
    echo "| pandas + numpy from the CSV (bench/agreement_pandas.py) | $P_PROC | $(ratio "$P_PROC" "$S_PROC") | $P_READ | $P_COMP | $(mb "$P_KB") MB | $P_PAIRS |"
    echo "| DuckDB SQL over the CSV (bench/agreement_duckdb.mjs) | $D_PROC | $(ratio "$D_PROC" "$S_PROC") | | | $(mb "$D_KB") MB | $D_PAIRS |"
    echo
    echo "compute: pandas / stance = $(ratio "$P_COMP" "$S_COMP"); end to end: pandas / stance = $(ratio "$P_PROC" "$S_PROC")"
    echo
    echo "**Export of the whole database** (median of $RUNS; ratio to the copy of a file of the same size)"
    echo
    echo "| what | seconds | CPU seconds | ratio to the copy | peak memory | output |"
    echo "| --- | --- | --- | --- | --- | --- |"
    export_row single "the history"
    export_row double "twice the history"
    echo "<!-- unga-results:end -->"
} > "$WORK/results.md"

# The raw lines behind the tables, for a look after the run ($WORK goes at exit).
mkdir -p "$BUILD/last-run"
cp "$WORK"/*.txt "$WORK/queries.md" "$BUILD/last-run/" 2> /dev/null || true

bench_write_block unga "$WORK/results.md"

if [[ -n "${QUICK:-}" ]]; then
    exit 0
fi

# 4. Ideal points of every session (docs/ideal-points.md): the dynamic model on two threads and on
# one, the static model, all with Laplace intervals, and a dynamic fit with a parametric bootstrap of
# BOOTSTRAP replicates, against agreement_matrices() on the same votes in the same process.
BOOTSTRAP=${BOOTSTRAP:-5}
echo "== ideal points of every session" >&2
/usr/bin/time -f "process_seconds=%e user_seconds=%U peak_rss_kb=%M" -o "$WORK/t.txt" "$IDEAL" "$WORK/stance.db" "$BOOTSTRAP" > "$WORK/ideal.txt"
# The value of exactly this key (the output has words and exponents, which field does not read).
key() { tr ' ' '\n' < "$WORK/ideal.txt" | sed -n "s/^$1=//p"; }
I_BASE=$(key baseline_seconds)
I_SESSIONS=$(key sessions)
per_session() { awk -v a="$1" -v n="$I_SESSIONS" 'BEGIN { printf "%.3f", a / n }'; }
# One row of the table: label, the run's key prefix in bench_ideal_points' output.
ideal_row() {
    local wall cpu
    wall=$(key "$2_seconds")
    cpu=$(key "$2_cpu_seconds")
    echo "| $1 | $wall | $cpu | $(ratio "$cpu" "$(key baseline_cpu_seconds)") | $(per_session "$cpu") |" \
        "$(key "$2_em_steps") + $(key "$2_newton_steps") |" \
        "$(key "$2_converged") ($(key "$2_relative_change"), $(key "$2_largest_gradient")) |"
}
{
    echo "<!-- ideal-points-results:begin (written by scripts/run_benchmarks.sh; do not edit by hand) -->"
    echo "Run of $(date -u +%Y-%m-%d) on $(uname -srm); $(nproc) cores; load average at the start $(cut -d' ' -f1-3 < /proc/loadavg)."
    echo "$(key votes) votes in $I_SESSIONS sessions (unanimous roll calls left out); peak memory $(mb "$(field peak_rss_kb < "$WORK/t.txt")") MB;"
    echo "CPU time of the whole process $(field user_seconds < "$WORK/t.txt") s against $(field process_seconds < "$WORK/t.txt") s wall."
    echo "Same result on one thread as on two, to the bit: $(key same_on_one_thread)."
    echo
    echo "| what | wall s | CPU s | CPU ratio to baseline | CPU s per session | EM + Newton steps | converged (relative change, largest gradient) |"
    echo "| --- | --- | --- | --- | --- | --- | --- |"
    echo "| baseline: agreement_matrices() of every session, unanimous left out | $I_BASE | $(key baseline_cpu_seconds) | 1.00 | | | |"
    ideal_row "ideal_points(), dynamic model, Laplace intervals, 2 threads" dynamic
    ideal_row "the same on 1 thread" dynamic_one_thread
    ideal_row "ideal_points(), static model, Laplace intervals, 2 threads" static
    echo "| ideal_points(), dynamic, bootstrap of $BOOTSTRAP replicates | $(key bootstrap_seconds) | $(key bootstrap_cpu_seconds) | | | $(key bootstrap_newton_steps) Newton steps in the replicates | |"
    echo "<!-- ideal-points-results:end -->"
} > "$WORK/ideal.md"
bench_write_block ideal-points "$WORK/ideal.md"
