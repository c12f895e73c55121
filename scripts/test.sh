#!/usr/bin/env bash
# Checks the formatting, then builds and runs the whole test suite twice: the CI preset (warnings
# are errors) and the AddressSanitizer + UndefinedBehaviorSanitizer preset. Used by .ci/run and the
# README. clang-tidy (scripts/tidy.sh) is not run here yet: only 6 of the library's files have been
# checked clean so far, and a whole-tree run takes about 20 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/check-format.sh
cmake --workflow --preset ci
cmake --workflow --preset sanitize
