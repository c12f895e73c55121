#!/usr/bin/env bash
# Checks the formatting, then builds and runs the whole test suite twice: the CI preset (warnings
# are errors) and the AddressSanitizer + UndefinedBehaviorSanitizer preset. Used by .ci/run and the
# README. Stops at the first failure. clang-tidy (scripts/tidy.sh) joins it once the whole tree is
# clean; until then it is run by hand on the folders a change touches (docs/contributing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/check-format.sh
cmake --workflow --preset ci
cmake --workflow --preset sanitize
