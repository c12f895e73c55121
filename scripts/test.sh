#!/usr/bin/env bash
# Checks the formatting, then builds and runs the whole test suite twice: the CI preset (warnings
# are errors) and the AddressSanitizer + UndefinedBehaviorSanitizer preset. Used by .ci/run and the
# README. clang-tidy (scripts/tidy.sh) is not run here yet: the tree still has findings (docs/contributing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/check-format.sh
cmake --workflow --preset ci
cmake --workflow --preset sanitize
