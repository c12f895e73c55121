# Included from CMakeLists.txt: export of one document's, meeting's or coder's stances (issue 10),
# on a database holding the seed report and the small example, whose meetings share a date.
set(export_db ${STANCE_CLI_WORK}/export.db)
set(export_dir ${STANCE_CLI_WORK}/export-subsets)
add_test(NAME "cli: setup export database"
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${export_db} ${export_db}-wal ${export_db}-shm ${export_dir})
add_test(NAME "cli: import export database"
    COMMAND ${CMAKE_COMMAND} -DCOMMAND=$<TARGET_FILE:stance_cli>|--db|${export_db}|import|data/seed/nato-2017-03-31.json|examples/data/small-dataset.json
            -DWORKING_DIR=${PROJECT_SOURCE_DIR} "-DEXPECT_OUTPUT=small-dataset.json: imported"
            -P ${CMAKE_CURRENT_SOURCE_DIR}/expect.cmake)
set_tests_properties("cli: setup export database" PROPERTIES FIXTURES_SETUP export_clean)
set_tests_properties("cli: import export database" PROPERTIES FIXTURES_SETUP export_db FIXTURES_REQUIRED export_clean)

# Subset, import into a new database, the same subset again: the same bytes. (No pipes: expect.cmake
# turns "|" into argument separators.)
foreach(selection "--document|example-doc" "--meeting|nac-fm-2017-03-31-working-lunch" "--coder|stance seed coding")
    string(REGEX REPLACE "[^a-z0-9]+" "-" tag "${selection}")
    string(REGEX REPLACE "^-" "" tag "${tag}")
    string(REPLACE "|" "' '" quoted "${selection}")
    string(REPLACE "|" " " shown "${selection}")
    stance_cli_test(NAME "export ${shown} imports into a new database and exports the same bytes"
        FIXTURES export_db
        SHELL "mkdir -p ${export_dir} && rm -f ${export_dir}/${tag}.db* && $0 --db ${export_db} export '${quoted}' -o ${export_dir}/${tag}.json && $0 -q --db ${export_dir}/${tag}.db import ${export_dir}/${tag}.json && $0 --db ${export_dir}/${tag}.db export '${quoted}' -o ${export_dir}/${tag}-again.json && cmp ${export_dir}/${tag}.json ${export_dir}/${tag}-again.json && echo identical"
        EXPECT "^identical\n$")
endforeach()
stance_cli_test(NAME "export --document holds that document's stances and not the others" FIXTURES export_db
    ARGS --db|${export_db}|export|--document|example-doc
    EXPECT "\"id\": \"example-stance\"" REJECT "nl-mfa-letter-nac-fm-2017-03-31")
stance_cli_test(NAME "export --meeting takes a meeting's title" FIXTURES export_db
    SHELL "$0 --db ${export_db} export --meeting 'Working lunch: relations with Russia'"
    EXPECT "\"meeting\": \"nac-fm-2017-03-31-working-lunch\"" REJECT "\"id\": \"example-stance\"")
stance_cli_test(NAME "export --document of an unknown document exits 4 with the closest ids" FIXTURES export_db
    ARGS --db|${export_db}|export|--document|example-dok
    CODE 4 EXPECT "no document \"example-dok\" in the database; give a document's id\nclosest matches:\n  example-doc\n")
stance_cli_test(NAME "export --coder of a coder with no stances exits 4 with the coders" FIXTURES export_db
    SHELL "$0 --db ${export_db} export --coder 'seed coding'"
    CODE 4 EXPECT "no stance coded by \"seed coding\".*closest: stance seed coding\n")
stance_cli_test(NAME "export --meeting of a date two meetings share exits 4 with both" FIXTURES export_db
    ARGS --db|${export_db}|export|--meeting|2017-03-31
    CODE 4 EXPECT "2017-03-31.*matches 2 meetings:.*example-meeting.*nac-fm-2017-03-31" REJECT "stance_dataset")
stance_cli_test(NAME "export -o of an unknown meeting leaves no file" FIXTURES export_db
    ARGS --db|${export_db}|export|--meeting|no-such-meeting|-o|${STANCE_CLI_WORK}/unknown-meeting.json
    CODE 4 REJECT_FILE ${STANCE_CLI_WORK}/unknown-meeting.json)
