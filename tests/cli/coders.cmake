# Included from CMakeLists.txt: `stance coders` and `stance reviews` (docs/team.md).
set(coders_dir ${STANCE_CLI_WORK}/coders)
set(coders_db ${coders_dir}/team.db)
add_test(NAME "cli: setup coders database"
    COMMAND sh -c "rm -rf ${coders_dir} && mkdir -p ${coders_dir} && $0 -q --db ${coders_db} init && printf 'the admin password\\n' | $0 -q --db ${coders_db} coders add lead --role admin && printf 'a coder password\\n' | $0 -q --db ${coders_db} coders add bo --role coder"
            $<TARGET_FILE:stance_cli>
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties("cli: setup coders database" PROPERTIES FIXTURES_SETUP coders_db)

stance_cli_test(NAME "coders walk-through: add, list, set, disable, enable, passwd, reviews"
    SHELL "sh tests/cli/coders-walkthrough.sh $0 ${STANCE_CLI_WORK}/coders-walkthrough"
    EXPECT "^added coder \"lead\" \\(admin\\): code_stances,edit_others,review,add_documents,delete_documents,import_data,manage_coders\nadded coder \"ana\" \\(coder\\): code_stances,add_documents\nname,display_name,role\nana,,coder\nlead,Team Lead,admin\nchanged coder \"ana\" \\(reviewer\\): code_stances,review,add_documents,import_data\nchanged coder \"ana\" \\(reviewer, disabled\\): code_stances,review,add_documents,import_data\nchanged coder \"ana\" \\(reviewer\\): code_stances,review,add_documents,import_data\nchanged the password of coder \"ana\"\n1 renamed\nscrypt\\$32768\\$8\\$3\\$\nstance,verdict,reviewer,reviewed_at,comment\nexample-stance,accepted,lead,2026-12-02T11:00:00Z,fixed\nexample-stance,rejected,ana\nexample-stance,accepted,lead\n$")
stance_cli_test(NAME "coders add refuses a short password without repeating it" FIXTURES coders_db
    SHELL "printf 'tulip123\\n' | $0 --db ${coders_db} coders add cy --role coder"
    CODE 3 EXPECT "the password of coder \"cy\": is shorter than 10 characters" REJECT "tulip")
stance_cli_test(NAME "coders add takes no password on the command line" FIXTURES coders_db
    ARGS --db|${coders_db}|coders|add|cy|--role|coder|--password|visible-to-everyone
    CODE 2 REJECT "added")
stance_cli_test(NAME "coders add refuses a name already taken, before asking for a password" FIXTURES coders_db
    SHELL "$0 --db ${coders_db} coders add bo --role reader </dev/null"
    CODE 3 EXPECT "coder \"bo\": the name is taken by another account")
stance_cli_test(NAME "coders add refuses a name with capitals" FIXTURES coders_db
    SHELL "printf 'long enough password\\n' | $0 --db ${coders_db} coders add Cy --role coder"
    CODE 3 EXPECT "coder name \"Cy\": a coder's name is 1 to 64 bytes of lowercase letters")
stance_cli_test(NAME "coders add names the roles when given another" FIXTURES coders_db
    SHELL "printf 'long enough password\\n' | $0 --db ${coders_db} coders add cy --role boss"
    CODE 3 EXPECT "--role: \"boss\" is not one of reader, coder, reviewer, admin")
stance_cli_test(NAME "coders add without a password on standard input says how to give one" FIXTURES coders_db
    SHELL "$0 --db ${coders_db} coders add cy --role coder </dev/null"
    CODE 3 EXPECT "standard input holds no line; pipe the password in")
stance_cli_test(NAME "coders set refuses to disable the last admin" FIXTURES coders_db
    ARGS --db|${coders_db}|coders|set|lead|--disable
    CODE 3 EXPECT "coder \"lead\": is the last enabled coder who may manage coders")
stance_cli_test(NAME "coders set names the permissions when given another" FIXTURES coders_db
    ARGS --db|${coders_db}|coders|set|bo|--grant|everything
    CODE 3 EXPECT "--grant: \"everything\" is not one of code_stances, edit_others, review")
stance_cli_test(NAME "coders set of an unknown coder is not found" FIXTURES coders_db
    ARGS --db|${coders_db}|coders|set|nobody|--disable
    CODE 4 EXPECT "there is no coder \"nobody\"")
stance_cli_test(NAME "coders set with nothing to change says what it takes" FIXTURES coders_db
    ARGS --db|${coders_db}|coders|set|bo
    CODE 3 EXPECT "nothing to change; give --role, --grant")
stance_cli_test(NAME "coders set cannot both disable and enable" FIXTURES coders_db
    ARGS --db|${coders_db}|coders|set|bo|--disable|--enable
    CODE 2)
stance_cli_test(NAME "coders passwd of an unknown coder is not found, before asking" FIXTURES coders_db
    SHELL "$0 --db ${coders_db} coders passwd nobody </dev/null"
    CODE 4 EXPECT "there is no coder \"nobody\"")
stance_cli_test(NAME "coders list as json" FIXTURES coders_db
    ARGS --db|${coders_db}|coders|list|-f|json
    EXPECT "\\{\"name\":\"bo\",\"display_name\":\"\",\"role\":\"coder\",\"permissions\":\"code_stances,add_documents\",\"status\":\"enabled\",\"created_at\":\"[0-9T:-]+Z\"\\}")
stance_cli_test(NAME "reviews of a database without any list none" FIXTURES coders_db
    ARGS --db|${coders_db}|reviews
    EXPECT "^stance +verdict +reviewer +reviewed_at +comment *\n$")

if(STANCE_WITH_POSTGRESQL AND STANCE_PG_SERVER_DIR)
    # The same accounts on a PostgreSQL database of their own, made with psql.
    set(coders_pg "postgresql:///stance_cli_coders?host=${STANCE_PG_SERVER_DIR}&port=5432&user=stance")
    stance_cli_test(NAME "coders on PostgreSQL: add, set, list"
        SHELL "PGOPTIONS='-c client_min_messages=warning' psql -X -q '${STANCE_TEST_POSTGRESQL_ADDRESS}' -c 'DROP DATABASE IF EXISTS stance_cli_coders WITH (FORCE)' -c 'CREATE DATABASE stance_cli_coders' && printf 'the admin password\\n' | $0 -q --db '${coders_pg}' coders add lead --role admin && printf 'a coder password\\n' | $0 -q --db '${coders_pg}' coders add bo --role coder && $0 -q --db '${coders_pg}' coders set bo --grant review && $0 --db '${coders_pg}' coders list -f csv | cut -d, -f1,3 && $0 --db '${coders_pg}' coders set lead --disable"
        CODE 3 EXPECT "^name,role\nbo,coder\nlead,admin\n.*coder \"lead\": is the last enabled coder who may manage coders")
    set_tests_properties("cli: coders on PostgreSQL: add, set, list" PROPERTIES FIXTURES_REQUIRED postgresql)
endif()
