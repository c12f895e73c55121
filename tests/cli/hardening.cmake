# Included from CMakeLists.txt: the CLI's answers to the storage and output attacks of issue 8.
stance_cli_test(NAME "export to a full disk is an error" FIXTURES small_db ARGS --db|${small_db}|export
    STDOUT /dev/full CODE 1 EXPECT "writing to standard output failed \\(No space left on device\\)")
stance_cli_test(NAME "export to a closed standard output is an error" FIXTURES small_db ARGS --db|${small_db}|export
    STDOUT closed CODE 1 EXPECT "standard output is closed")
stance_cli_test(NAME "a listing to a full disk is an error" FIXTURES small_db ARGS --db|${small_db}|actors
    STDOUT /dev/full CODE 1 EXPECT "writing to standard output failed")
stance_cli_test(NAME "export -o replaces a stale .partial and leaves none"
    FIXTURES small_db ARGS --db|${small_db}|export|-o|${STANCE_CLI_WORK}/export.json
    CREATE_FILE ${STANCE_CLI_WORK}/export.json.partial
    EXPECT_FILE ${STANCE_CLI_WORK}/export.json REJECT_FILE ${STANCE_CLI_WORK}/export.json.partial)
stance_cli_test(NAME "export -o into a missing directory fails and leaves nothing"
    FIXTURES small_db ARGS --db|${small_db}|export|-o|${STANCE_CLI_WORK}/no-such-dir/export.json
    CODE 1 EXPECT "cannot write .*no-such-dir/export.json: creating .*partial failed \\(No such file or directory\\)"
    REJECT_FILE ${STANCE_CLI_WORK}/no-such-dir/export.json.partial)

stance_cli_test(NAME "an empty --db is refused" SHELL "$0 --db '' import examples/data/small-dataset.json"
    CODE 3 EXPECT "--db: the database path is empty \\(an unset variable\\?\\)")
stance_cli_test(NAME "an in-memory --db is refused for writing" ARGS --db|:memory:|import|examples/data/small-dataset.json
    CODE 3 EXPECT "\":memory:\" is an in-memory database: .*nothing would be kept")
stance_cli_test(NAME "an in-memory URI --db is refused" ARGS --db|file:x?mode=memory|import|examples/data/small-dataset.json
    CODE 3 EXPECT "is an in-memory database")
stance_cli_test(NAME "an in-memory --db is refused for reading" ARGS --db|file::memory:|search|Rusland
    CODE 3 EXPECT "is an in-memory database: .*there is nothing to read")
stance_cli_test(NAME "a directory as --db says so" ARGS --db|tests|actors
    CODE 5 EXPECT "storage: tests is a directory; pass a database file")
stance_cli_test(NAME "a missing --db for reading says so" ARGS --db|${STANCE_CLI_WORK}/no-such.db|actors
    CODE 5 EXPECT "no-such.db does not exist, so there is nothing to read")
stance_cli_test(NAME "an empty file as --db is empty for reading"
    ARGS --db|${STANCE_CLI_WORK}/zero-bytes.db|actors
    CODE 5 EXPECT "zero-bytes.db is empty: it holds no stance data yet")
add_test(NAME "cli: setup zero-byte database" COMMAND ${CMAKE_COMMAND} -E touch ${STANCE_CLI_WORK}/zero-bytes.db)
set_tests_properties("cli: setup zero-byte database" PROPERTIES FIXTURES_SETUP zero_db)
set_tests_properties("cli: an empty file as --db is empty for reading" PROPERTIES FIXTURES_REQUIRED zero_db)

stance_cli_test(NAME "a NaN threshold is a usage error" FIXTURES small_db
    ARGS --db|${small_db}|evolution|-a|usa|-t|transatlantic-relations|--threshold|nan
    CODE 2 EXPECT "nan is not a finite number")
stance_cli_test(NAME "an empty search is refused" FIXTURES small_db SHELL "$0 --db ${small_db} search ''"
    CODE 3 EXPECT "the search text is empty")
stance_cli_test(NAME "a search of spaces is refused" FIXTURES small_db SHELL "$0 --db ${small_db} search '   '"
    CODE 3 EXPECT "the search text is empty")
