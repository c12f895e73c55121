#!/usr/bin/env bash
# Checks the formatting, then builds and runs the whole test suite twice: the CI preset (warnings
# are errors) and the AddressSanitizer + UndefinedBehaviorSanitizer preset, then runs clang-tidy over
# the whole tree (scripts/tidy.sh; its cost on two cores: docs/contributing.md). Used by .ci/run and
# the README. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/check-format.sh
cmake --workflow --preset ci
cmake --workflow --preset sanitize
bash scripts/tidy.sh
