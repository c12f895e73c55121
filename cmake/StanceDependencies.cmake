# Every dependency comes from Debian 12 packages; README.md says why each one is here.
find_package(SQLiteCpp REQUIRED)          # libsqlitecpp-dev: RAII over SQLite
find_package(SQLite3 REQUIRED)            # libsqlite3-dev
find_package(fmt REQUIRED)                # libfmt-dev
find_package(Boost 1.81 REQUIRED COMPONENTS json)  # libboost1.81-dev, libboost-json1.81-dev
find_package(ICU REQUIRED COMPONENTS uc i18n)  # libicu-dev: case folding, accents, country names; i18n: spoof checks
find_package(OpenSSL REQUIRED)            # libssl-dev: SHA-256 of source documents
find_package(ZLIB REQUIRED)               # zlib1g-dev: reading the bundled gzip'd UN vote tables
find_package(Threads REQUIRED)
find_package(CLI11 REQUIRED)               # libcli11-dev: subcommands, help and validation for the CLI
find_package(PkgConfig REQUIRED)
pkg_check_modules(IGRAPH REQUIRED IMPORTED_TARGET igraph)  # libigraph-dev: Louvain and Leiden voting blocs
if(STANCE_WITH_POSTGRESQL)
    pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)  # libpq-dev: the PostgreSQL store (docs/postgresql.md)
endif()
