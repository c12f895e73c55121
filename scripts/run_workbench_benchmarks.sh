#!/usr/bin/env bash
# The workbench benchmarks of docs/benchmarks.md ("Workbench"), each beside its baseline in the same
# run, for one UN General Assembly session of the full history: the heatmap route on the server
# (bench/bench_workbench: the query, the route's work, the HTTP request) and the heatmap drawn in
# Debian's chromium (bench/bench_workbench_browser.mjs: from navigation to the page's mark that it
# is painted, against the same SVG opened on its own). The results go into docs/benchmarks.md
# between the "workbench-results" markers (the rest of the file is left alone).
#
#   scripts/run_workbench_benchmarks.sh [DATABASE]   # DATABASE: a full UN import; without it the
#                                                    # history is imported into a temporary one (minutes)
#   BUILD=build/ci scripts/run_workbench_benchmarks.sh DB   # an existing build tree (default build-bench, Release)
#   SESSION=70 SMALL=1 RUNS=5                        # the session, the small page's session, runs
#   NO_WRITE=1                                       # print the results, leave docs/benchmarks.md as it is
#
# Needs what the browser tests need (scripts/install-deps.sh: chromium, node, puppeteer-core).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench}
SESSION=${SESSION:-70}
SMALL=${SMALL:-1}
RUNS=${RUNS:-5}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/stance-workbench-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

for tool in cmake node "${STANCE_CHROMIUM:-/usr/bin/chromium}"; do
    command -v "$tool" > /dev/null || { echo "run_workbench_benchmarks: $tool is needed (scripts/install-deps.sh)" >&2; exit 1; }
done
MODULES=${STANCE_BROWSER_NODE_MODULES:-$ROOT/build/browser-node/node_modules}
[[ -d "$MODULES/puppeteer-core" ]] || { echo "run_workbench_benchmarks: puppeteer-core is needed in $MODULES (scripts/install-deps.sh)" >&2; exit 1; }

echo "== building in $BUILD" >&2
if [[ -f "$BUILD/CMakeCache.txt" ]]; then
    cmake -B "$BUILD" -DSTANCE_BUILD_BENCHMARKS=ON > "$WORK/cmake.log"
else
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DSTANCE_BUILD_BENCHMARKS=ON \
        -DSTANCE_BUILD_TESTS=OFF -DSTANCE_BUILD_EXAMPLES=OFF > "$WORK/cmake.log"
fi
cmake --build "$BUILD" -j2 --target bench_workbench stance_cli > "$WORK/build.log"
STANCE="$BUILD/src/cli/stance"
BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD/CMakeCache.txt")

DATABASE=${1:-}
if [[ -z "$DATABASE" ]]; then
    DATABASE="$WORK/unga.db"
    echo "== importing the UN votes into $DATABASE" >&2
    "$STANCE" --db "$DATABASE" -q import-unga "$ROOT/data/unvotes" --full-codes "$ROOT/data/voeten_unvotes_2016"
fi

field() { tr ' ' '\n' < "$1" | sed -n "s/^$2=//p"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000000 }'; }

echo "== server: bench_workbench $SESSION $RUNS" >&2
"$BUILD/bench/bench_workbench" "$DATABASE" "$SESSION" "$RUNS" > "$WORK/server.txt"
echo "== browser: bench_workbench_browser.mjs $SESSION $SMALL $RUNS" >&2
STANCE_BIN="$STANCE" STANCE_SOURCE_DIR="$ROOT" STANCE_BROWSER_WORK="$WORK/browser" STANCE_BROWSER_NODE_MODULES="$MODULES" \
    node "$ROOT/bench/bench_workbench_browser.mjs" "$DATABASE" "$SESSION" "$SMALL" "$RUNS" > "$WORK/browser.txt"
mkdir -p "$BUILD/last-run"
cp "$WORK/server.txt" "$WORK/browser.txt" "$BUILD/last-run/"

S=$WORK/server.txt
B=$WORK/browser.txt
BASE=$(field "$S" query_seconds)
FILE=$(field "$B" baseline_svg_file_seconds)
{
    echo "<!-- workbench-results:begin (written by scripts/run_workbench_benchmarks.sh; do not edit by hand) -->"
    echo "Run of $(date -u +%Y-%m-%d) on $(uname -srm); $(nproc) cores ($(lscpu 2> /dev/null | sed -n 's/^Model name: *//p' | head -1));"
    echo "load average at the start $(cut -d' ' -f1-3 < /proc/loadavg); build $BUILD_TYPE; $(chromium --version 2> /dev/null | head -1), headless."
    echo "UN General Assembly session $SESSION of the full history: $(field "$S" actors) voting states, $(field "$S" roll_calls) roll calls,"
    echo "$(field "$B" cells) cells; medians of $RUNS runs."
    echo
    echo "**On the server** (bench/bench_workbench)"
    echo
    echo "| what | seconds | ratio to baseline | answer |"
    echo "| --- | --- | --- | --- |"
    echo "| baseline: catalog + \`agreement_matrix()\` | $BASE | 1.00 | |"
    echo "| route's work, JSON (query + \`to_json\` + bloc order) | $(field "$S" json_seconds) | $(ratio "$(field "$S" json_seconds)" "$BASE") | $(mb "$(field "$S" json_bytes)") MB |"
    echo "| route's work, SVG heatmap (query + bloc order + \`agreement_matrix_svg\`) | $(field "$S" svg_seconds) | $(ratio "$(field "$S" svg_seconds)" "$BASE") | $(mb "$(field "$S" svg_bytes)") MB |"
    echo "| \`GET /api/agreement-matrix?session=$SESSION\` over HTTP | $(field "$S" http_json_seconds) | $(ratio "$(field "$S" http_json_seconds)" "$BASE") | $(mb "$(field "$S" http_json_bytes)") MB |"
    echo "| \`GET /api/agreement-matrix.svg?session=$SESSION\` over HTTP | $(field "$S" http_svg_seconds) | $(ratio "$(field "$S" http_svg_seconds)" "$BASE") | $(mb "$(field "$S" http_svg_bytes)") MB |"
    echo
    echo "**In the browser** (bench/bench_workbench_browser.mjs; seconds from the start of the navigation)"
    echo
    echo "| what | seconds | ratio to baseline |"
    echo "| --- | --- | --- |"
    echo "| baseline: the same SVG file opened on its own (\`file://\`), drawn | $FILE | 1.00 |"
    echo "| the agreement page of session $SESSION: heatmap drawn (\`heatmap-drawn\`) | $(field "$B" page_seconds) | $(field "$B" page_ratio) |"
    echo "| … of which the page's code running (\`heatmap-request\`) | $(field "$B" page_request_seconds) | |"
    echo "| … the SVG arrived (\`heatmap-received\`) | $(field "$B" page_received_seconds) | |"
    echo "| … parsed and in the page (\`heatmap-inserted\`) | $(field "$B" page_inserted_seconds) | |"
    echo "| slowest of the $RUNS runs | $(field "$B" page_max_seconds) | $(ratio "$(field "$B" page_max_seconds)" "$FILE") |"
    echo "| the first look (a fresh server, before the runs) | $(field "$B" first_page_seconds) | $(ratio "$(field "$B" first_page_seconds)" "$FILE") |"
    echo "| the same page for session $SMALL ($(field "$B" small_cells) cells) | $(field "$B" small_page_seconds) | $(ratio "$(field "$B" small_page_seconds)" "$FILE") |"
    echo "<!-- workbench-results:end -->"
} > "$WORK/results.md"

cat "$WORK/results.md"
if [[ -z "${NO_WRITE:-}" ]]; then
    DOC="$ROOT/docs/benchmarks.md"
    awk -v results="$WORK/results.md" '
        /workbench-results:begin/ { while ((getline line < results) > 0) print line; skip = 1; next }
        /workbench-results:end/ { skip = 0; next }
        !skip { print }' "$DOC" > "$WORK/doc.md"
    cp "$WORK/doc.md" "$DOC"
    echo "== results written to $DOC" >&2
fi
