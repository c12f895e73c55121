# The general-debate codings of Ukraine, Russia and China (data/general-debate/{ukr,rus,chn}-russia-ukraine.json),
# imported after the seed and the Dutch coding as docs/general-debate-coding.md says, and checked against
# facts a reader can verify in the speech texts (quote, position, date, speaker, byte span).
# Included from tests/cli/CMakeLists.txt, after stance_cli_test is defined.
set(gd_east_db ${STANCE_CLI_WORK}/general-debate-east.db)
set(gd_seed_and_nl data/seed/nato-2017-03-31.json|data/general-debate/nld-russia-ukraine.json)
set(gd_east_files data/general-debate/ukr-russia-ukraine.json|data/general-debate/rus-russia-ukraine.json|data/general-debate/chn-russia-ukraine.json)
add_test(NAME "cli: setup general-debate east database"
    COMMAND ${CMAKE_COMMAND} -E rm -f ${gd_east_db} ${gd_east_db}-wal ${gd_east_db}-shm)
add_test(NAME "cli: import the Ukraine, Russia and China general-debate codings after the Dutch one"
    COMMAND ${CMAKE_COMMAND} -DCOMMAND=$<TARGET_FILE:stance_cli>|--db|${gd_east_db}|import|${gd_seed_and_nl}|${gd_east_files}
            -DWORKING_DIR=${PROJECT_SOURCE_DIR}
            "-DEXPECT_OUTPUT=ukr-russia-ukraine.json: imported 4 documents.*\n[^\n]*rus-russia-ukraine.json: imported 4 documents.*\n[^\n]*chn-russia-ukraine.json: imported 4 documents"
            -P ${CMAKE_CURRENT_SOURCE_DIR}/expect.cmake)
set_tests_properties("cli: setup general-debate east database" PROPERTIES FIXTURES_SETUP gd_east_clean)
set_tests_properties("cli: import the Ukraine, Russia and China general-debate codings after the Dutch one"
    PROPERTIES FIXTURES_SETUP gd_east_db FIXTURES_REQUIRED gd_east_clean)

stance_cli_test(NAME "the Ukraine, Russia and China codings validate after the seed and the Dutch coding"
    ARGS validate|${gd_seed_and_nl}|${gd_east_files}
    EXPECT "5 files checked: no problems")
# Each country file needs only the seed and the Dutch coding, so they import in any order after those.
foreach(country ukr rus chn)
    stance_cli_test(NAME "the ${country} general-debate coding needs only the seed and the Dutch coding"
        ARGS validate|${gd_seed_and_nl}|data/general-debate/${country}-russia-ukraine.json
        EXPECT "3 files checked: no problems")
endforeach()
stance_cli_test(NAME "the Russia general-debate coding alone is refused: it refers to the seed's actors"
    ARGS validate|data/general-debate/rus-russia-ukraine.json
    CODE 3 EXPECT "unknown actor \"rus\": not defined in this file or the database")

# Yatsenyuk, 24 September 2014: "Crimea was, is and will be a part of Ukraine."
stance_cli_test(NAME "Ukraine 2014 holds that Crimea is part of Ukraine, with the sentence's bytes" FIXTURES gd_east_db
    ARGS --db|${gd_east_db}|evolution|--actor|Ukraine|--topic|crimea-annexation|--format|csv
    EXPECT "\n2014-09-24,ukr-gd69-crimea-is-ukraine,own,,yes,unga-gd-69,[^\n]*,crimea-annexation-illegal,[^\n]*,support,1,ukraine,1,support for Ukraine,statement,single,\"Crimea was, is and will be a part \nof Ukraine.\",[^\n]*,ungdc-ukr-69-2014,4925,4971\n")
# Lavrov, 27 September 2014: Crimea's population made "an absolutely free choice".
stance_cli_test(NAME "Russia 2014 denies that Crimea's annexation was illegal" FIXTURES gd_east_db
    ARGS --db|${gd_east_db}|evolution|--actor|RUS|--topic|crimea-annexation|--format|csv
    EXPECT "\n2014-09-27,rus-gd69-crimea-free-choice,own,,yes,unga-gd-69,[^\n]*,crimea-annexation-illegal,[^\n]*,oppose,-1,ukraine,-1,distance from Ukraine,statement,single,\"It is precisely the aggressive assault \non those rights that compelled the population of Crimea"
    REJECT "rus-gd69-crimea-free-choice,[^\n]*,support,")
# The Netherlands (2022, 2023) and Russia (2022) on the same claim: Russia alone is the aggressor.
stance_cli_test(NAME "compare NL and Russia: they diverge on who is the aggressor, with Lavrov's sentence" FIXTURES gd_east_db
    ARGS --db|${gd_east_db}|compare|NL|RUS|--topic|russia-war-against-ukraine|--format|csv
    EXPECT "\nrussia-war-against-ukraine,russia-is-the-aggressor,diverge,first,nld,support,[^\n]*,2022-09-23,nld-gd77-russia-is-the-aggressor,.*\nrussia-war-against-ukraine,russia-is-the-aggressor,diverge,second,rus,oppose,-1.0000,no,2022-09-24,rus-gd77-not-the-aggressor,own,,oppose,-1,single,unga-gd-77,The Western countries’ unwillingness to engage in talks and the Kyiv regime’s continuing war on its own people left us with no choice")
# Zelenskyy's video address of 21 September 2022 calls for a special tribunal.
stance_cli_test(NAME "Ukraine 2022 calls for a special tribunal, read as pressure on Russia" FIXTURES gd_east_db
    ARGS --db|${gd_east_db}|evolution|--actor|Ukraine|--topic|Russia|--format|csv
    EXPECT "\n2022-09-21,ukr-gd77-special-tribunal,own,,yes,unga-gd-77,[^\n]*,special-tribunal-crime-of-aggression,[^\n]*,support,1,russia,1,pressure on Russia,statement,single,A Special Tribunal should be created to punish Russia for the crime of aggression against our state.,")
# Han Zheng (not Wang Yi) spoke for China in 2023; his call names no aggressor.
stance_cli_test(NAME "China 2023 is Han Zheng's call for a cessation of hostilities and talks" FIXTURES gd_east_db
    ARGS --db|${gd_east_db}|snapshot|--meeting|unga-gd-78|--topic|just-peace-ukraine|--format|json
    EXPECT "\"id\": \"chn-gd78-cessation-of-hostilities\",\n +\"actor\": \"chn\",\n +\"includes\": \\[\\],\n +\"speaker\": \"han-zheng\",\n[^\n]*\n +\"proposition\": \"peace-talks-and-deescalation-priority\",\n +\"meeting\": \"unga-gd-78\",\n[^\n]*\n +\"position\": \"support\",\n[^\n]*\n[^\n]*\n +\"quote\": \"The cessation of hostilities and resumption of peace talks is the only way to settle the Ukraine crisis.\",\n[^\n]*\n +\"source\": \\{\n +\"document\": \"ungdc-chn-78-2023\",\n +\"start\": 1943,\n +\"end\": 2047")

# After the Dutch coding the country files import in any order to the same database: a proposition
# or topic two files share (these three among themselves, and with the United States, United
# Kingdom, France and Germany files) is defined word for word the same in each, so no order of
# import overwrites one definition with another.
set(gd_order ${STANCE_CLI_WORK}/general-debate-order)
stance_cli_test(NAME "the seven country codings import in either order to the same export"
    SHELL "rm -rf ${gd_order} && mkdir -p ${gd_order} && cd data/general-debate && $0 --db ${gd_order}/a.db import ../seed/nato-2017-03-31.json nld-russia-ukraine.json ukr-russia-ukraine.json rus-russia-ukraine.json chn-russia-ukraine.json usa-russia-ukraine.json gbr-russia-ukraine.json fra-russia-ukraine.json deu-russia-ukraine.json > /dev/null && $0 --db ${gd_order}/b.db import ../seed/nato-2017-03-31.json nld-russia-ukraine.json deu-russia-ukraine.json fra-russia-ukraine.json gbr-russia-ukraine.json usa-russia-ukraine.json chn-russia-ukraine.json rus-russia-ukraine.json ukr-russia-ukraine.json > /dev/null && $0 --db ${gd_order}/a.db export -o ${gd_order}/a.json && $0 --db ${gd_order}/b.db export -o ${gd_order}/b.json && cmp ${gd_order}/a.json ${gd_order}/b.json && echo same-export"
    EXPECT "same-export")
