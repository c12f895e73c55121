#!/usr/bin/env bash
# Installs what stance needs to build and test from Debian 12 packages, only when something is
# missing (so it is quick on a machine that already has them). Run as root.
set -euo pipefail

packages=(
    cmake g++ make pkg-config clang-format
    clang-tidy                               # scripts/tidy.sh: clang-tidy-14 and run-clang-tidy-14
    libboost1.81-dev libboost-json1.81-dev   # Boost.JSON for datasets (1.81: libboost-dev is 1.74 without it)
    libsqlitecpp-dev libsqlite3-dev sqlite3  # the embedded store; sqlite3 is the benchmark baseline
    libfmt-dev doctest-dev libcli11-dev
    libicu-dev                               # case folding, accents, country names in any language
    libssl-dev zlib1g-dev                    # SHA-256 of documents; gzip'd UN tables
    libxml2-utils                            # xmllint: the tests check every SVG, GraphML and GEXF file is well-formed
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
    echo "install-deps: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
