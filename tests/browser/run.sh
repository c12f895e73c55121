#!/bin/sh
# Runs one test file ($1) with node's test runner, after checking that node, chromium and
# puppeteer-core are there (only node with "node-only" as $2). Exit 77, CTest's skip, when something
# is missing, unless STANCE_BROWSER_TESTS=required (.ci/run), where it fails.
missing=""
command -v node > /dev/null || missing="$missing node"
if [ "$2" != node-only ]; then
    [ -x "${STANCE_CHROMIUM:-/usr/bin/chromium}" ] || missing="$missing chromium"
    [ -d "$STANCE_BROWSER_NODE_MODULES/puppeteer-core" ] || missing="$missing puppeteer-core (in $STANCE_BROWSER_NODE_MODULES)"
fi
if [ -n "$missing" ]; then
    echo "browser test: missing$missing; run scripts/install-deps.sh" >&2
    [ "$STANCE_BROWSER_TESTS" = required ] && exit 1
    exit 77
fi
exec node --test --test-reporter=spec "$1"
