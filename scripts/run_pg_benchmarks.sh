#!/usr/bin/env bash
# Builds stance in Release with the PostgreSQL backend and runs the PostgreSQL benchmarks of issue
# 15, each beside its baseline in the same run, on a throwaway PostgreSQL 15 server
# (scripts/pg-server.sh, with its durable settings: fsync on), then writes the results into
# docs/benchmarks.md between the "postgresql-results" markers (the rest of that file is left alone).
#
#   scripts/run_pg_benchmarks.sh            # build in build-bench/, work in a temporary directory
#   RUNS=5 scripts/run_pg_benchmarks.sh     # more repetitions of each import and write round (median reported)
#   NO_WRITE=1 scripts/run_pg_benchmarks.sh # print the results, leave docs/benchmarks.md as it is
#   WRITES=480 scripts/run_pg_benchmarks.sh # stances per round of the many-coder benchmark (default 240)
#   COUNTRIES=40 scripts/run_pg_benchmarks.sh # queries for 40 countries (240 evolution, 200 agreement; default 10)
#   PLAIN_CSV=1 scripts/run_pg_benchmarks.sh  # also import the decompressed CSV (the .csv.gz's cost apart)
#   BUILD=build/bench BUILD_TYPE=RelWithDebInfo scripts/run_pg_benchmarks.sh  # another build tree or type
#
# 1. Import of the UN votes (bench_unga_import into an empty database) against `psql \copy` of the
#    raw un_votes.csv into a table of four text columns plus one index (the target: within 2x).
# 2. The evolution and agreement queries of bench_unga_queries on the stance database in PostgreSQL
#    against the same questions in hand-written SQL on the raw tables in PostgreSQL (loaded with
#    \copy, with the indexes run_benchmarks.sh gives the SQLite baseline), both databases ANALYZEd.
# 3. Many coders writing at once (bench_coding_writes) on SQLite and on PostgreSQL: 1, 2, 4 and 8
#    writers, each its own connection, one stance per transaction, against one writer coding the
#    same stances in one transaction, and against raw one-row INSERTs, one commit each, through the
#    sqlite3 tool and psql (what a durable commit costs the database alone).
#
# The work of a PostgreSQL client is done by the server, so CPU time is given for both: the
# client's (GNU time, getrusage) and the server's (its processes' times in /proc, including the
# backends that have ended, through the postmaster's times of reaped children). The server runs
# with autovacuum off, so that no background ANALYZE lands in another measurement; the script
# ANALYZEs the query databases itself. Needs: cmake, a C++20 compiler, PostgreSQL 15 (server and
# psql), libpq-dev, the sqlite3 tool, GNU time, gzip, awk; run as root (the server runs as the
# system user pg-server.sh creates) or as a user.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench}
RUNS=${RUNS:-3}
WRITES=${WRITES:-240}
COUNTRIES=${COUNTRIES:-10}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/stance-pg-bench.XXXXXX")
PG_DIR=/tmp/stance-pg-bench-$$
trap 'bash "$ROOT/scripts/pg-server.sh" stop "$PG_DIR" > /dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
BENCH_NAME=run_pg_benchmarks
source "$ROOT/scripts/bench_lib.sh"

bench_require cmake psql sqlite3 gzip awk /usr/bin/time
bench_build -DSTANCE_WITH_POSTGRESQL=ON -- bench_unga_import bench_unga_queries bench_coding_writes
IMPORT="$BUILD/bench/bench_unga_import"
QUERIES="$BUILD/bench/bench_unga_queries"
WRITERS="$BUILD/bench/bench_coding_writes"
SEED="$ROOT/data/seed/nato-2017-03-31.json"

echo "== starting a PostgreSQL server in $PG_DIR" >&2
SERVER=$(STANCE_PG_DURABLE=1 bash "$ROOT/scripts/pg-server.sh" start "$PG_DIR")
address() { echo "postgresql:///$1?host=$PG_DIR&port=5432&user=stance"; }
sql() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$@"; }
sql "$SERVER" -c "ALTER SYSTEM SET autovacuum = off" -c "SELECT pg_reload_conf()" > /dev/null
fresh_database() { sql "$SERVER" -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"; }
database_mb() { sql "$SERVER" -At -c "SELECT pg_database_size('$1') / 1048576"; }
# A table of text columns named by a CSV file's header, as sqlite3's .import makes it.
create_statement() { echo "CREATE TABLE $1 ($(head -n 1 "$WORK/csv/$1.csv" | sed 's/,/ text, /g; s/$/ text/'))"; }
create_table() { sql "$(address "$1")" -c "$(create_statement "$2")"; } # database table
load_table() { # database table
    sql "$(address "$1")" -c "\\copy $2 FROM '$WORK/csv/$2.csv' WITH (FORMAT csv, HEADER true)"
}

# The server's CPU seconds so far: the postmaster and every process it runs (backends, WAL writer,
# checkpointer), plus the backends it has reaped (the postmaster's times of ended children).
POSTMASTER=$(head -n 1 "$PG_DIR/data/postmaster.pid")
CLOCK_TICKS=$(getconf CLK_TCK)
server_cpu() {
    local pids
    pids="$POSTMASTER $(ps -o pid= --ppid "$POSTMASTER" | tr '\n' ' ')"
    for pid in $pids; do cat "/proc/$pid/stat" 2> /dev/null || true; done |
        awk -v ticks="$CLOCK_TICKS" '{ sub(/^.*\) /, ""); t += $12 + $13 + $14 + $15 } END { printf "%.2f\n", t / ticks }'
}
# with_server_cpu FILE COMMAND...: runs COMMAND, appending its output and the server's CPU seconds
# meanwhile as one line to FILE.
with_server_cpu() {
    local file=$1 before line
    shift
    before=$(server_cpu)
    line=$("$@")
    sleep 0.2 # the backend of a client that has just closed its connection ends and is reaped
    echo "$line server_cpu_seconds=$(awk -v a="$(server_cpu)" -v b="$before" 'BEGIN { printf "%.2f", a - b }')" >> "$file"
}
# The baseline's three statements in one psql process, timed whole by GNU time.
psql_import() {
    /usr/bin/time -f "$TIME_FORMAT" -o "$WORK/time.txt" \
        psql -X -q -v ON_ERROR_STOP=1 "$(address raw_import)" \
        -c "$(create_statement un_votes)" \
        -c "\\copy un_votes FROM '$WORK/csv/un_votes.csv' WITH (FORMAT csv, HEADER true)" \
        -c "CREATE INDEX un_votes_by_country ON un_votes(country_code, rcid)"
    echo "$(cat "$WORK/time.txt") cpu_seconds=$(cpu_of < "$WORK/time.txt")"
}

TABLES="un_votes un_roll_calls un_roll_call_issues"
bench_decompress_tables "$WORK/csv" $TABLES

# 1. Import, alternating runs.
echo "== import, $RUNS runs each" >&2
: > "$WORK/baseline.txt"; : > "$WORK/stance_gz.txt"; : > "$WORK/stance_csv.txt"
for run in $(seq "$RUNS"); do
    fresh_database raw_import
    with_server_cpu "$WORK/baseline.txt" psql_import
    fresh_database stance_import
    with_server_cpu "$WORK/stance_gz.txt" "$IMPORT" "$(address stance_import)" "$ROOT/data/unvotes"
    if [[ -n "${PLAIN_CSV:-}" ]]; then
        fresh_database stance_import_csv
        with_server_cpu "$WORK/stance_csv.txt" "$IMPORT" "$(address stance_import_csv)" "$WORK/csv"
    fi
done
# A row of the import table: label, the file of its runs, the baseline's wall and total CPU.
total_cpu() { awk '{ c = s = 0; for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "cpu_seconds") c = kv[2]; if (kv[1] == "server_cpu_seconds") s = kv[2] } printf "%.2f\n", c + s }' "$1" | median; }
import_row() {
    local seconds total
    seconds=$(median_of seconds "$2")
    total=$(total_cpu "$2")
    echo "| $1 | $seconds | $(ratio "$seconds" "$3") | $(median_of cpu_seconds "$2") | $(median_of server_cpu_seconds "$2") | $total | $(ratio "$total" "$4") | $(mb "$(median_of peak_rss_kb "$2")") MB |"
}
BASE_S=$(median_of seconds "$WORK/baseline.txt")
BASE_CPU=$(total_cpu "$WORK/baseline.txt")
BASE_MB=$(database_mb raw_import)
STANCE_MB=$(database_mb stance_import)
sql "$SERVER" -c "DROP DATABASE IF EXISTS stance_import_csv WITH (FORCE)"

# 2. Queries: the imported stance database against the raw tables with an analyst's indexes.
echo "== queries" >&2
fresh_database raw_queries
for table in $TABLES; do
    create_table raw_queries "$table"
    load_table raw_queries "$table"
done
sql "$(address raw_queries)" -c "CREATE INDEX un_votes_by_country ON un_votes(country_code, rcid)" \
    -c "CREATE INDEX un_votes_by_rcid ON un_votes(rcid)" \
    -c "CREATE INDEX un_roll_calls_by_rcid ON un_roll_calls(rcid)" \
    -c "CREATE INDEX un_roll_calls_by_session ON un_roll_calls(session)" \
    -c "CREATE INDEX un_roll_call_issues_by_rcid ON un_roll_call_issues(rcid, short_name)" -c "ANALYZE"
sql "$(address stance_import)" -c "ANALYZE"
"$QUERIES" "$(address stance_import)" "$(address raw_queries)" --no-matrix --countries "$COUNTRIES" > "$WORK/queries.md"

# 3. Many coders at once, on each backend, alternating runs; the raw one-row INSERTs, one commit each,
# of rows the size of a coded stance's (an id, an actor and a quote of 80 bytes).
echo "== many coders, $RUNS runs each backend" >&2
awk -v n="$WRITES" 'BEGIN { for (i = 1; i <= n; i++) printf "INSERT INTO coded VALUES (%d, %cbench-raw-%d%c, %cnld%c, %c%080d%c);\n", i, 39, i, 39, 39, 39, 39, i, 39 }' \
    > "$WORK/inserts.sql"
CODED_TABLE="CREATE TABLE coded (n integer PRIMARY KEY, id text NOT NULL UNIQUE, actor text NOT NULL, quote text NOT NULL);"
: > "$WORK/w_sqlite.txt"; : > "$WORK/w_postgresql.txt"; : > "$WORK/r_sqlite.txt"; : > "$WORK/r_postgresql.txt"
for run in $(seq "$RUNS"); do
    "$WRITERS" "$WORK/coding.db" "$SEED" "$WRITES" >> "$WORK/w_sqlite.txt"
    rm -f "$WORK/raw-coding.db"
    sqlite3 "$WORK/raw-coding.db" "PRAGMA journal_mode = WAL;" "$CODED_TABLE" > /dev/null
    /usr/bin/time -f "$TIME_FORMAT" -o "$WORK/time.txt" \
        sqlite3 -cmd "PRAGMA synchronous = FULL" "$WORK/raw-coding.db" < "$WORK/inserts.sql"
    cat "$WORK/time.txt" >> "$WORK/r_sqlite.txt"
    fresh_database coding
    "$WRITERS" "$(address coding)" "$SEED" "$WRITES" >> "$WORK/w_postgresql.txt"
    fresh_database raw_coding
    sql "$(address raw_coding)" -c "$CODED_TABLE"
    /usr/bin/time -f "$TIME_FORMAT" -o "$WORK/time.txt" psql -X -q -v ON_ERROR_STOP=1 "$(address raw_coding)" -f "$WORK/inserts.sql"
    cat "$WORK/time.txt" >> "$WORK/r_postgresql.txt"
done
rm -f "$WORK"/coding.db* "$WORK"/raw-coding.db*
# The rows of one backend: label, tag.
writer_rows() {
    local base raw_rate
    base=$(median_of stances_per_second "$WORK/w_$2.txt")
    raw_rate=$(field seconds < "$WORK/r_$2.txt" | awk -v n="$WRITES" '{ printf "%.1f\n", n / $1 }' | median)
    echo "| $1 | baseline: one writer, all $WRITES stances in one transaction | $base stances/s | 1.00 | | | |"
    echo "| $1 | raw one-row INSERTs, one commit each (the durable commit alone) | $raw_rate | $(ratio "$raw_rate" "$base") | | | |"
    local n rows
    for n in $(sed -n 's/^writers=\([0-9]*\).*/\1/p' "$WORK/w_$2.txt" | sort -n -u); do
        rows="$WORK/w_$2_$n.txt"
        grep "^writers=$n " "$WORK/w_$2.txt" > "$rows"
        echo "| $1 | $n writer$([[ $n == 1 ]] || echo s), one stance per transaction | $(median_of commits_per_second "$rows") | $(ratio "$(median_of commits_per_second "$rows")" "$base") | $(median_of p50_ms "$rows") | $(median_of p99_ms "$rows") | $(field refused < "$rows" | awk '{ t += $1 } END { print t + 0 }') |"
    done
}

{
    echo "<!-- postgresql-results:begin (written by scripts/run_pg_benchmarks.sh; do not edit by hand) -->"
    bench_machine
    echo "$(sql "$SERVER" -At -c "SELECT version()" | cut -d, -f1), local Unix socket, fsync on, autovacuum off; SQLite $(sqlite3 --version | cut -d' ' -f1); $(c++ --version | head -1); build $(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD/CMakeCache.txt")."
    echo "Median of $RUNS runs for the imports and the write rounds; load average at the end $(cut -d' ' -f1-3 < /proc/loadavg)."
    echo
    echo "**Import of un_votes.csv (869,937 votes) into PostgreSQL** (CPU: the client's, the server's, both)"
    echo
    echo "| what | seconds | ratio to baseline | client CPU s | server CPU s | CPU s in all | CPU ratio | client peak memory |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
    import_row "baseline: \`psql \\copy\` + one index (4 text columns; database $BASE_MB MB)" "$WORK/baseline.txt" "$BASE_S" "$BASE_CPU"
    import_row "stance import-unga into PostgreSQL, shipped .csv.gz (full model, provenance; database $STANCE_MB MB)" "$WORK/stance_gz.txt" "$BASE_S" "$BASE_CPU"
    if [[ -s "$WORK/stance_csv.txt" ]]; then
        import_row "stance import-unga into PostgreSQL, the same plain CSV as the baseline" "$WORK/stance_csv.txt" "$BASE_S" "$BASE_CPU"
    fi
    echo
    echo "**Analyses on the full history in PostgreSQL** (stance's PostgreSQL database against hand-written SQL on the raw tables in the same server; $COUNTRIES countries; times in ms)"
    echo
    cat "$WORK/queries.md"
    echo
    echo "**Many coders at once** ($WRITES stances a round, shared out among the writers, each writer its own connection, coding through \`code_stance\`; commits per second, latency of one call in ms)"
    echo
    echo "| backend | what | commits per second | ratio to baseline | p50 ms | p99 ms | refused |"
    echo "| --- | --- | --- | --- | --- | --- | --- |"
    writer_rows "SQLite (WAL, synchronous FULL)" sqlite
    writer_rows "PostgreSQL (fsync on)" postgresql
    echo "<!-- postgresql-results:end -->"
} > "$WORK/results.md"

mkdir -p "$BUILD/last-run-postgresql"
cp "$WORK"/*.txt "$WORK/queries.md" "$BUILD/last-run-postgresql/" 2> /dev/null || true
bench_write_block postgresql "$WORK/results.md"
