#!/usr/bin/env bash
# Builds stance in Release with the PostgreSQL backend and runs the PostgreSQL benchmarks, each
# beside its baseline in the same run, on a throwaway PostgreSQL 15 server (scripts/pg-server.sh,
# with its durable settings: fsync on), then writes the results into docs/benchmarks.md between the
# "postgresql-results" markers (the rest of that file is left alone).
#
#   scripts/run_pg_benchmarks.sh            # build in build-bench/, work in a temporary directory
#   RUNS=5 scripts/run_pg_benchmarks.sh     # more repetitions of each import (median reported)
#   NO_WRITE=1 scripts/run_pg_benchmarks.sh # print the results, leave docs/benchmarks.md as it is
#
# 1. Import of the UN votes (bench_unga_import into an empty database) against `psql \copy` of the
#    raw un_votes.csv into a table of four text columns plus one index (the target: within 2x).
# 2. The evolution and agreement queries of bench_unga_queries on the stance database in PostgreSQL
#    against the same questions in hand-written SQL on the raw tables in PostgreSQL (loaded with
#    \copy, with the indexes run_benchmarks.sh gives the SQLite baseline), both databases ANALYZEd.
#
# Wall times are compared: the work happens in the server, whose CPU time the client's figures do
# not include. Needs: cmake, a C++20 compiler, PostgreSQL 15 (server and psql), libpq-dev, GNU time,
# gzip, awk; run as root (the server runs as the system user pg-server.sh creates) or as a user.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench}
RUNS=${RUNS:-3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/stance-pg-bench.XXXXXX")
PG_DIR=/tmp/stance-pg-bench-$$
trap 'bash "$ROOT/scripts/pg-server.sh" stop "$PG_DIR" > /dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

for tool in cmake psql gzip awk /usr/bin/time; do
    command -v "$tool" > /dev/null || { echo "run_pg_benchmarks: $tool is needed" >&2; exit 1; }
done

echo "== building Release with PostgreSQL in $BUILD" >&2
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DSTANCE_BUILD_BENCHMARKS=ON -DSTANCE_WITH_POSTGRESQL=ON \
    -DSTANCE_BUILD_TESTS=OFF -DSTANCE_BUILD_EXAMPLES=OFF > "$WORK/cmake.log"
cmake --build "$BUILD" -j2 --target bench_unga_import bench_unga_queries > "$WORK/build.log"
IMPORT="$BUILD/bench/bench_unga_import"
QUERIES="$BUILD/bench/bench_unga_queries"

echo "== starting a PostgreSQL server in $PG_DIR" >&2
SERVER=$(STANCE_PG_DURABLE=1 bash "$ROOT/scripts/pg-server.sh" start "$PG_DIR")
address() { echo "postgresql:///$1?host=$PG_DIR&port=5432&user=stance"; }
sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
fresh_database() { sql "$SERVER" -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"; }
database_mb() { sql "$SERVER" -At -c "SELECT pg_database_size('$1') / 1048576"; }
# A table of text columns named by a CSV file's header, as sqlite3's .import makes it.
create_statement() { echo "CREATE TABLE $1 ($(head -n 1 "$WORK/csv/$1.csv" | sed 's/,/ text, /g; s/$/ text/'))"; }
create_table() { sql "$(address "$1")" -c "$(create_statement "$2")"; } # database table
load_table() { # database table
    sql "$(address "$1")" -c "\\copy $2 FROM '$WORK/csv/$2.csv' WITH (FORMAT csv, HEADER true)"
}

TABLES="un_votes un_roll_calls un_roll_call_issues"
mkdir -p "$WORK/csv"
for table in $TABLES; do
    gzip -dc "$ROOT/data/unvotes/$table.csv.gz" > "$WORK/csv/$table.csv"
done

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
field() { sed -n "s/.*[^a-z_]$1=\([0-9.]*\).*/\1/p; s/^$1=\([0-9.]*\).*/\1/p"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

# 1. Import, alternating runs. The baseline's three statements run in one psql process, timed whole.
echo "== import, $RUNS runs each" >&2
: > "$WORK/baseline.txt"; : > "$WORK/stance_gz.txt"; : > "$WORK/stance_csv.txt"
for run in $(seq "$RUNS"); do
    fresh_database raw_import
    /usr/bin/time -f "seconds=%e" -o "$WORK/time.txt" \
        psql -X -q -v ON_ERROR_STOP=1 "$(address raw_import)" \
        -c "$(create_statement un_votes)" \
        -c "\\copy un_votes FROM '$WORK/csv/un_votes.csv' WITH (FORMAT csv, HEADER true)" \
        -c "CREATE INDEX un_votes_by_country ON un_votes(country_code, rcid)"
    cat "$WORK/time.txt" >> "$WORK/baseline.txt"
    fresh_database stance_import
    "$IMPORT" "$(address stance_import)" "$ROOT/data/unvotes" >> "$WORK/stance_gz.txt"
    fresh_database stance_import_csv
    "$IMPORT" "$(address stance_import_csv)" "$WORK/csv" >> "$WORK/stance_csv.txt"
done
BASE_S=$(field seconds < "$WORK/baseline.txt" | median)
GZ_S=$(field seconds < "$WORK/stance_gz.txt" | median)
GZ_CPU=$(field cpu_seconds < "$WORK/stance_gz.txt" | median)
GZ_KB=$(field peak_rss_kb < "$WORK/stance_gz.txt" | median)
CSV_S=$(field seconds < "$WORK/stance_csv.txt" | median)
CSV_CPU=$(field cpu_seconds < "$WORK/stance_csv.txt" | median)
BASE_MB=$(database_mb raw_import)
STANCE_MB=$(database_mb stance_import)
sql "$SERVER" -c "DROP DATABASE stance_import_csv WITH (FORCE)"

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
"$QUERIES" "$(address stance_import)" "$(address raw_queries)" --no-matrix > "$WORK/queries.md"

{
    echo "<!-- postgresql-results:begin (written by scripts/run_pg_benchmarks.sh; do not edit by hand) -->"
    echo "Run of $(date -u +%Y-%m-%d) on $(uname -srm); $(nproc) cores ($(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1));"
    echo "$(free -g | awk '/^Mem:/ { print $2 }') GB memory; load average at the start $(cut -d' ' -f1-3 < /proc/loadavg)."
    echo "$(sql "$SERVER" -At -c "SELECT version()" | cut -d, -f1), local Unix socket, fsync on; $(c++ --version | head -1)."
    echo "Median of $RUNS runs for the imports. Reproduce: \`bash scripts/run_pg_benchmarks.sh\`."
    echo
    echo "**Import of un_votes.csv (869,937 votes) into PostgreSQL** (wall time; the client's CPU and memory for stance)"
    echo
    echo "| what | seconds | ratio to baseline | client CPU seconds | client peak memory | database |"
    echo "| --- | --- | --- | --- | --- | --- |"
    echo "| baseline: \`psql \\copy\` + one index (4 text columns) | $BASE_S | 1.00 | | | $BASE_MB MB |"
    echo "| stance import-unga into PostgreSQL, shipped .csv.gz (full model, provenance) | $GZ_S | $(ratio "$GZ_S" "$BASE_S") | $GZ_CPU | $(mb "$GZ_KB") MB | $STANCE_MB MB |"
    echo "| stance import-unga into PostgreSQL, the same plain CSV as the baseline | $CSV_S | $(ratio "$CSV_S" "$BASE_S") | $CSV_CPU | | |"
    echo
    echo "**Analyses on the full history in PostgreSQL** (stance's PostgreSQL database against hand-written SQL on the raw tables in the same server; times in ms)"
    echo
    cat "$WORK/queries.md"
    echo "<!-- postgresql-results:end -->"
} > "$WORK/results.md"

cat "$WORK/results.md"
if [[ -z "${NO_WRITE:-}" ]]; then
    DOC="$ROOT/docs/benchmarks.md"
    if grep -q "postgresql-results:begin" "$DOC"; then
        awk -v results="$WORK/results.md" '
            /postgresql-results:begin/ { while ((getline line < results) > 0) print line; skip = 1; next }
            /postgresql-results:end/ { skip = 0; next }
            !skip { print }' "$DOC" > "$WORK/doc.md"
        cp "$WORK/doc.md" "$DOC"
    else
        { cat "$DOC"; echo; cat "$WORK/results.md"; } > "$WORK/doc.md"
        cp "$WORK/doc.md" "$DOC"
    fi
    echo "== results written to $DOC" >&2
fi
