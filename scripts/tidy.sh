#!/usr/bin/env bash
# Runs clang-tidy (Debian's clang-tidy-14) with the checks of .clang-tidy over every C++ file the
# project builds: the library, the CLI, the Python bindings, the tests, the examples and the
# benchmarks, and the project's own headers they include (HeaderFilterRegex). The compile commands
# come from the `tidy` configure preset (the ci configuration with the benchmarks), which is only
# configured, never built. Any finding fails the run (.clang-tidy sets WarningsAsErrors). Run by
# scripts/test.sh (so by CI) over the whole tree, and by hand as `bash scripts/tidy.sh [PATH_PREFIX]`,
# where PATH_PREFIX narrows the files (for example `src/query/`). STANCE_TIDY_JOBS sets the parallel
# jobs (default 2, CI's cores). What to do with a finding, and what a whole-tree run costs: docs/contributing.md.
#
# The tests and benchmarks get the bug-finding checks (bugprone, performance, the analyzer) and the
# naming rules, not the other readability and modernize checks: those cost about 40 % of a test
# file's time (measured: docs/contributing.md) and guard the style of code nobody copies. Nor do
# they get bugprone-reserved-identifier and bugprone-stringview-nullptr, which look at every
# declaration and call of the system headers too: together some 19 % of a test file's time, and they
# found nothing in any test or benchmark. The library, the CLI, the bindings and the examples (which
# users do copy) get every check.
#
# A file found clean is remembered in build/tidy/clean/ under a key made of everything the verdict
# depends on (scripts/tidy_key.py: the settings, the compile commands, the preprocessed text), and
# not checked again while that key holds: a second run over an unchanged tree takes a few minutes of
# preprocessing, not the half hour of checking. STANCE_TIDY_CACHE=0 checks every file;
# STANCE_TIDY_CACHE_DIR keeps the cache elsewhere (a folder a CI machine keeps between fresh clones,
# as it would keep ccache's).
set -euo pipefail
cd "$(dirname "$0")/.."
build=build/tidy
cmake --preset tidy >/dev/null
start=$SECONDS
cache=${STANCE_TIDY_CACHE_DIR:-$build/clean}
mkdir -p "$cache"
remembered=$(mktemp)
trap 'rm -f "$remembered"' EXIT
# What every file's verdict depends on besides its own text and flags.
settings=$( (clang-tidy-14 --version && cat .clang-tidy) | sha256sum | cut -d' ' -f1)
export cache remembered settings STANCE_TIDY_CACHE
# Every source of the compile database under the tree's own folders (not the build tree's generated
# web assets), once (clang-tidy checks a file under each of its compile commands: tests/backends.cpp
# is in four test programs), largest first so that the two jobs end together.
mapfile -t files < <(python3 - "$build/compile_commands.json" "$PWD/${1:-}" <<'PY'
import json, os, re, sys
root = os.getcwd() + "/"
wanted = re.compile(re.escape(root) + r"(src|include|python/src|tests|examples|bench)/")
files = list(dict.fromkeys(e["file"] for e in json.load(open(sys.argv[1]))))
files = [f for f in files if wanted.match(f) and f.startswith(sys.argv[2])]
for f in sorted(files, key=os.path.getsize, reverse=True):
    print(f)
PY
)
((${#files[@]})) || { echo "tidy: no file under ${1:-the tree} in $build/compile_commands.json" >&2; exit 1; }
# Each file's findings are printed in one piece, so that two jobs' output does not interleave.
check_one='checks=()
case "$1" in "$PWD"/tests/* | "$PWD"/bench/*)
    checks=("--checks=-readability-*,-modernize-*,readability-identifier-naming,-bugprone-reserved-identifier,-bugprone-stringview-nullptr") ;;
esac
key=
if [[ ${STANCE_TIDY_CACHE:-1} != 0 ]]; then
    key=$(python3 scripts/tidy_key.py "$0/compile_commands.json" "$1" "$settings" "${checks[@]}")
    [[ -n $key && -e $cache/$key ]] && { echo "$1" >>"$remembered"; exit 0; }
fi
out=$(clang-tidy-14 -p "$0" --quiet "${checks[@]}" "$1" 2>&1) || { printf "%s\n" "$out"; exit 1; }
[[ -z $key ]] || touch "$cache/$key"'
if ! printf '%s\0' "${files[@]}" | xargs -0 -n1 -P "${STANCE_TIDY_JOBS:-2}" bash -c "$check_one" "$build"; then
    echo "tidy: findings above (${#files[@]} files, $((SECONDS - start)) s); docs/contributing.md says what to do" >&2
    exit 1
fi
echo "tidy: no findings in ${#files[@]} files, $(wc -l <"$remembered") of them unchanged since found clean ($((SECONDS - start)) s)"
