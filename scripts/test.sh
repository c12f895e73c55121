#!/usr/bin/env bash
# Checks the formatting, runs clang-tidy over the whole tree (scripts/tidy.sh: any finding fails),
# then builds and runs the whole test suite twice: the CI preset (warnings are errors) and the
# AddressSanitizer + UndefinedBehaviorSanitizer preset. Used by .ci/run and the README. Stops at the
# first failure. What each step costs on a fresh clone: docs/contributing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/check-format.sh
bash scripts/tidy.sh
cmake --workflow --preset ci
cmake --workflow --preset sanitize
