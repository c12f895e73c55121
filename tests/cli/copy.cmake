# Included from CMakeLists.txt: `stance copy FROM TO` (stance/store/copy.hpp), on a database holding
# the seed report and the UN fixture with its full codes. The copy's export must be byte-identical
# to the original's; with a PostgreSQL server (tests/CMakeLists.txt), through PostgreSQL and back.
set(copy_dir ${STANCE_CLI_WORK}/copy)
set(copy_original ${copy_dir}/original.db)
add_test(NAME "cli: setup copy database"
    COMMAND sh -c "rm -rf ${copy_dir} && mkdir -p ${copy_dir} && $0 -q --db ${copy_original} import data/seed/nato-2017-03-31.json && $0 -q --db ${copy_original} import-unga tests/data/unga --full-codes tests/data/unga && $0 --db ${copy_original} export -o ${copy_dir}/original.json"
            $<TARGET_FILE:stance_cli>
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("cli: setup copy database" PROPERTIES FIXTURES_SETUP copy_db)

stance_cli_test(NAME "copy into a new SQLite file exports the same bytes" FIXTURES copy_db
    SHELL "rm -f ${copy_dir}/sqlite.db* && $0 copy ${copy_original} ${copy_dir}/sqlite.db && $0 --db ${copy_dir}/sqlite.db export -o ${copy_dir}/sqlite.json && cmp ${copy_dir}/original.json ${copy_dir}/sqlite.json && echo identical"
    EXPECT "copied [0-9]+ entities, [0-9]+ stances \\([0-9]+ recorded votes\\) and 0 suggestions in .* s: change set 1 of the copy\nthe history of the original \\(change sets up to 2\\) stays there.*\nidentical\n$")
stance_cli_test(NAME "copy into a database that is not new is refused" FIXTURES copy_db
    SHELL "$0 copy ${copy_original} ${copy_original}"
    CODE 3 EXPECT "copy target: it has a history of changes; copy into a new database")
stance_cli_test(NAME "copy into memory is refused" FIXTURES copy_db
    ARGS copy|${copy_original}|:memory:
    CODE 3 EXPECT "TO: \":memory:\" is not a database that outlives stance")

if(STANCE_WITH_POSTGRESQL AND STANCE_PG_SERVER_DIR)
    # A database of its own on the test server, made with psql; the copy goes there and back.
    set(copy_pg "postgresql:///stance_cli_copy?host=${STANCE_PG_SERVER_DIR}&port=5432&user=stance")
    stance_cli_test(NAME "copy into PostgreSQL and back into SQLite exports the same bytes" FIXTURES copy_db
        SHELL "PGOPTIONS='-c client_min_messages=warning' psql -X -q '${STANCE_TEST_POSTGRESQL_ADDRESS}' -c 'DROP DATABASE IF EXISTS stance_cli_copy WITH (FORCE)' -c 'CREATE DATABASE stance_cli_copy' && rm -f ${copy_dir}/back.db* && $0 -q copy ${copy_original} '${copy_pg}' && $0 --db '${copy_pg}' export -o ${copy_dir}/postgresql.json && $0 -q copy '${copy_pg}' ${copy_dir}/back.db && $0 --db ${copy_dir}/back.db export -o ${copy_dir}/back.json && cmp ${copy_dir}/original.json ${copy_dir}/postgresql.json && cmp ${copy_dir}/original.json ${copy_dir}/back.json && echo identical"
        EXPECT "^identical\n$")
    set_tests_properties("cli: copy into PostgreSQL and back into SQLite exports the same bytes"
        PROPERTIES FIXTURES_REQUIRED "copy_db;postgresql")
endif()

if(STANCE_WITH_POSTGRESQL AND STANCE_PG_SERVER_DIR)
    # A password given in --db (the test server trusts its socket, so any will do) is never printed:
    # not in init's line, not in check's, in either form of address (stance/store/shown_address.hpp).
    set(shown_url "postgresql://stance:hunter2@/stance_cli_shown?host=${STANCE_PG_SERVER_DIR}&port=5432")
    set(shown_keywords "host=${STANCE_PG_SERVER_DIR} port=5432 user=stance dbname=stance_cli_shown password=hunter2")
    stance_cli_test(NAME "a password in --db is not shown"
        SHELL "PGOPTIONS='-c client_min_messages=warning' psql -X -q '${STANCE_TEST_POSTGRESQL_ADDRESS}' -c 'DROP DATABASE IF EXISTS stance_cli_shown WITH (FORCE)' -c 'CREATE DATABASE stance_cli_shown' && $0 --db '${shown_url}' init && $0 --db '${shown_keywords}' check"
        EXPECT "^postgresql://stance@/stance_cli_shown[?].*: stance database, schema version [0-9]+\nhost=.* password=\\*\\*\\*: no damage found\n$"
        REJECT "hunter2")
    set_tests_properties("cli: a password in --db is not shown" PROPERTIES FIXTURES_REQUIRED postgresql)
endif()
