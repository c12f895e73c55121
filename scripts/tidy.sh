#!/usr/bin/env bash
# Runs clang-tidy (Debian's clang-tidy-14) with the checks of .clang-tidy over every C++ file the
# project builds: the library, the CLI, the Python bindings, the tests, the examples and the
# benchmarks, and the project's own headers they include (HeaderFilterRegex). The compile commands
# come from the `tidy` configure preset (the ci configuration with the benchmarks), which is only
# configured, never built. Any finding fails the run (.clang-tidy sets WarningsAsErrors). Run by
# hand (not yet by scripts/test.sh: the tree has findings): `bash scripts/tidy.sh [PATH_PREFIX]`, where PATH_PREFIX narrows
# the files (for example `src/query/`). STANCE_TIDY_JOBS sets the parallel jobs (default 2, CI's
# cores). What to do with a finding, and what a whole-tree run costs: docs/contributing.md.
#
# The tests and benchmarks get the bug-finding checks (bugprone, performance, the analyzer) and the
# naming rules, not the other readability and modernize checks: those cost about 40 % of a test
# file's time (measured: docs/contributing.md) and guard the style of code nobody copies. The
# library, the CLI, the bindings and the examples (which users do copy) get every check.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build/tidy
cmake --preset tidy >/dev/null
start=$SECONDS
# Every source of the compile database under the tree's own folders (not the build tree's generated
# web assets), largest first so that the two jobs end together.
mapfile -t files < <(python3 - "$build/compile_commands.json" "$PWD/${1:-}" <<'PY'
import json, os, re, sys
root = os.getcwd() + "/"
wanted = re.compile(re.escape(root) + r"(src|include|python/src|tests|examples|bench)/")
files = [e["file"] for e in json.load(open(sys.argv[1]))]
files = [f for f in files if wanted.match(f) and f.startswith(sys.argv[2])]
for f in sorted(files, key=os.path.getsize, reverse=True):
    print(f)
PY
)
((${#files[@]})) || { echo "tidy: no file under ${1:-the tree} in $build/compile_commands.json" >&2; exit 1; }
# Each file's findings are printed in one piece, so that two jobs' output does not interleave.
check_one='checks=()
case "$1" in "$PWD"/tests/* | "$PWD"/bench/*) checks=("--checks=-readability-*,-modernize-*,readability-identifier-naming") ;; esac
out=$(clang-tidy-14 -p "$0" --quiet "${checks[@]}" "$1" 2>&1) && exit 0; printf "%s\n" "$out"; exit 1'
if ! printf '%s\0' "${files[@]}" | xargs -0 -n1 -P "${STANCE_TIDY_JOBS:-2}" bash -c "$check_one" "$build"; then
    echo "tidy: findings above (${#files[@]} files, $((SECONDS - start)) s); docs/contributing.md says what to do" >&2
    exit 1
fi
echo "tidy: no findings in ${#files[@]} files ($((SECONDS - start)) s)"
