#!/bin/sh
# Runs one browser test file with node's test runner, after checking that node, chromium and
# puppeteer-core are there (exit 77, CTest's skip, when they are not and they are not required).
missing=""
command -v node > /dev/null || missing="$missing node"
[ -x "${STANCE_CHROMIUM:-/usr/bin/chromium}" ] || missing="$missing chromium"
[ -d "$STANCE_BROWSER_NODE_MODULES/puppeteer-core" ] || missing="$missing puppeteer-core($STANCE_BROWSER_NODE_MODULES)"
if [ -n "$missing" ]; then
    echo "browser test: missing$missing; run scripts/install-deps.sh" >&2
    [ "$STANCE_BROWSER_TESTS" = required ] && exit 1
    exit 77
fi
exec node --test --test-reporter=spec "$1"
