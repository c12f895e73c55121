#!/usr/bin/env bash
# Runs clang-tidy (Debian's clang-tidy-14) with the checks of .clang-tidy over the library and the
# CLI (every .cpp under src/, and the public headers they include), from the ci build's
# compile_commands.json. Any finding fails the run (.clang-tidy sets WarningsAsErrors). Used by
# scripts/test.sh after the ci build; run it alone with `bash scripts/tidy.sh [BUILD_DIR]`.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/ci}
if [[ ! -f $build/compile_commands.json ]]; then
    cmake --preset ci >/dev/null # the ci preset writes compile_commands.json
fi
# -j2: CI's two cores. The file argument is a regular expression over the paths of the database.
run-clang-tidy-14 -clang-tidy-binary "$(command -v clang-tidy-14)" -p "$build" -j "${STANCE_TIDY_JOBS:-2}" -quiet \
    "$PWD/src/.*\.cpp\$"
echo "tidy: no findings"
