#!/usr/bin/env bash
# Builds the libFuzzer targets and runs them, one after another, for a fixed time each.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 600; TARGET defaults to every target in tests/fuzz: fuzz_dataset
# (JSON reader and validator), fuzz_dataset_roundtrip (accepted datasets survive export → import →
# export), fuzz_csv (the streaming CSV reader) and fuzz_unga_import (import_unga on arbitrary tables).
# Environment: BUILD_DIR (default build-fuzz), FUZZ_WORK (default $BUILD_DIR/fuzz-work), where each
# target keeps its growing corpus, its crash artifacts and its log. Each target runs in one process
# (libFuzzer's default, the same as -workers=1 -jobs=1 without the extra fork), so it keeps to one
# core and leaves the other free on a two-core machine.
#
# A crash leaves crash-*/leak-*/timeout-* files in $FUZZ_WORK/<target>/artifacts: copy each into
# tests/reliability/regressions/ (the regression test replays them all), fix the cause, rerun.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-600}"
shift || true
build="${BUILD_DIR:-$here/build-fuzz}"
work="${FUZZ_WORK:-$build/fuzz-work}"

CC=clang CXX=clang++ cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTANCE_FUZZ=ON \
    -DSTANCE_BUILD_TESTS=OFF -DSTANCE_BUILD_EXAMPLES=OFF -DSTANCE_BUILD_BENCHMARKS=OFF -DSTANCE_BUILD_CLI=OFF >/dev/null
cmake --build "$build" -j2

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for binary in "$build"/tests/fuzz/fuzz_*; do
        [ -x "$binary" ] && targets+=("$(basename "$binary")")
    done
fi

# Seeds: the real data the project ships, the hand-made seeds, and every input that once broke us.
seed_corpus() {
    local target="$1" into="$2"
    mkdir -p "$into"
    case "$target" in
    fuzz_dataset*)
        cp "$here"/examples/data/*.json "$here"/data/seed/*.json "$here"/tests/fuzz/seeds/*.json "$into"/ 2>/dev/null || true
        cp "$here"/tests/reliability/inputs/*.json "$into"/ 2>/dev/null || true
        cp "$here"/tests/reliability/regressions/*.json "$into"/ 2>/dev/null || true
        ;;
    fuzz_csv*)
        cp "$here"/tests/fuzz/seeds/*.csv "$here"/tests/reliability/regressions/*.csv "$into"/ 2>/dev/null || true
        ;;
    fuzz_unga*)
        cp "$here"/tests/fuzz/seeds/*.bin "$here"/tests/reliability/regressions/*.bin "$into"/ 2>/dev/null || true
        ;;
    esac
}

dictionary_for() {
    case "$1" in
    fuzz_dataset*) echo "$here/tests/fuzz/dataset.dict" ;;
    fuzz_csv* | fuzz_unga*) echo "$here/tests/fuzz/csv.dict" ;;
    esac
}

for target in "${targets[@]}"; do
    dir="$work/$target"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    seed_corpus "$target" "$dir/corpus"
    dict="$(dictionary_for "$target")"
    options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=100000
             -print_final_stats=1 -artifact_prefix="$dir/artifacts/")
    [ -n "$dict" ] && [ -f "$dict" ] && options+=(-dict="$dict")
    echo "== $target for ${seconds}s: corpus $dir/corpus, log $dir/fuzz.log"
    status=0
    "$build/tests/fuzz/$target" "${options[@]}" "$dir/corpus" >"$dir/fuzz.log" 2>&1 || status=$?
    grep -E '^stat::|^#[0-9]+.*DONE|SUMMARY' "$dir/fuzz.log" || true
    if [ "$status" -ne 0 ]; then
        echo "!! $target stopped with status $status: see $dir/fuzz.log and $dir/artifacts/"
    fi
done
