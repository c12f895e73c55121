#!/usr/bin/env bash
# Checks the formatting, then builds and runs the whole test suite twice: the CI preset (warnings
# are errors), followed by clang-tidy on its compile commands, and the AddressSanitizer +
# UndefinedBehaviorSanitizer preset. Used by .ci/run and the README.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/check-format.sh
cmake --workflow --preset ci
bash scripts/tidy.sh build/ci
cmake --workflow --preset sanitize
