# The general-debate coding of the United States, the United Kingdom, France and Germany
# (data/general-debate/{usa,gbr,fra,deu}-russia-ukraine.json), imported after the seed and the
# Netherlands' file as documented in docs/general-debate-coding.md. Each test checks a fact a reader
# can verify against the speech: the quote, its byte span in the corpus file and the position taken.
set(gd_west_db ${STANCE_CLI_WORK}/gd-west.db)
set(gd_west_files data/seed/nato-2017-03-31.json|data/general-debate/nld-russia-ukraine.json|data/general-debate/usa-russia-ukraine.json|data/general-debate/gbr-russia-ukraine.json|data/general-debate/fra-russia-ukraine.json|data/general-debate/deu-russia-ukraine.json)
add_test(NAME "cli: setup general-debate (west) database"
    COMMAND ${CMAKE_COMMAND} -E rm -f ${gd_west_db} ${gd_west_db}-wal ${gd_west_db}-shm)
# The four files refer to meetings, topics and propositions of the Netherlands' file: the importer
# accepts references to entities already in the database, so they import after it.
add_test(NAME "cli: import the general-debate files of the US, UK, France and Germany"
    COMMAND ${CMAKE_COMMAND} -DCOMMAND=$<TARGET_FILE:stance_cli>|--db|${gd_west_db}|import|${gd_west_files}
            -DWORKING_DIR=${PROJECT_SOURCE_DIR}
            "-DEXPECT_OUTPUT=usa-russia-ukraine.json: imported 4 documents.*gbr-russia-ukraine.json: imported 4 documents.*fra-russia-ukraine.json: imported 4 documents.*deu-russia-ukraine.json: imported 4 documents"
            -P ${CMAKE_CURRENT_SOURCE_DIR}/expect.cmake)
set_tests_properties("cli: setup general-debate (west) database" PROPERTIES FIXTURES_SETUP gd_west_clean)
set_tests_properties("cli: import the general-debate files of the US, UK, France and Germany" PROPERTIES
    FIXTURES_SETUP gd_west_db FIXTURES_REQUIRED gd_west_clean)

stance_cli_test(NAME "the US, UK, French and German general-debate files validate after the seed and NL"
    ARGS validate|${gd_west_files}
    EXPECT "6 files checked: no problems")
stance_cli_test(NAME "general debate: Macron's 'Russian troops in Ukraine' is a stance that Russia is the aggressor"
    FIXTURES gd_west_db
    ARGS "--db|${gd_west_db}|search|Russian troops in Ukraine"
    EXPECT "2022-09-20 +France +support +Russia's war against Ukraine +unga-gd-77 +Right now, as I speak, there are Russian troops in Ukraine and, to my knowledge, there are no Ukrainian troops in Russia\\. That is an irrefutable fact that we must all accept\\. +ungdc-fra-77-2022 \\[1849, 2023\\) +fra-gd77-russian-troops-in-ukraine")
stance_cli_test(NAME "general debate: Steinmeier on Crimea, 27 September 2014, with the corpus's line breaks"
    FIXTURES gd_west_db
    ARGS "--db|${gd_west_db}|search|annexation of Crimea"
    EXPECT "2014-09-27 +Germany +support +Legality and recognition of Russia's annexation of Crimea +unga-gd-69 +Not just any State, but a permanent member of the \nSecurity Council — Russia — has, with its annexation \nof Crimea, unilaterally altered existing borders in \nEurope and has thus violated international law\\..* ungdc-deu-69-2014 \\[4205, 4541\\)")
# The engagement side of the scale: Obama's offer to lift sanctions is conditional (+0.5) on a
# claim pointing to engagement (-1), Macron's dialogue with Russia is support (-1 on the scale).
stance_cli_test(NAME "general debate: Obama's conditional offer to lift sanctions reads -0.50 on the Russia scale"
    FIXTURES gd_west_db
    ARGS "--db|${gd_west_db}|evolution|--actor|United States|--topic|Russia|--by|year"
    EXPECT "conditional \\(\\+0\\.50\\): Sanctions on Russia should be lifted and cooperation with Russia on common challenges resumed\\.\n[^\n]*\n +on the scale: -0\\.50 toward \"engagement with Russia\"\n[^\n]*\n +quote: +\"If Russia takes that path")
stance_cli_test(NAME "general debate: Macron's dialogue with Russia reads -1.00 on the Russia scale"
    FIXTURES gd_west_db
    ARGS "--db|${gd_west_db}|evolution|--actor|Frankrijk|--topic|Rusland"
    EXPECT "support \\(\\+1\\.00\\): Dialogue with Russia's leadership should be kept up in the search for peace in Ukraine\\.\n[^\n]*\n +on the scale: -1\\.00 toward \"engagement with Russia\"\n[^\n]*\n +quote: +\"In that regard, our position is clear, and it is in supporting this position that[ \n]+I[ \n]+have pursued dialogue with Russia")
stance_cli_test(NAME "general debate: compare NL and the US in 2023 agrees on 'Russia alone is the aggressor' with both quotes"
    FIXTURES gd_west_db
    ARGS "--db|${gd_west_db}|compare|Netherlands|United States|--topic|Russia|--from|2023-01-01|--to|2023-12-31"
    EXPECT "AGREE: Russia's war against Ukraine\n-+\n +proposition: +Russia alone is the aggressor in its war against Ukraine;[^\n]*\n[^\n]*\n +Netherlands: support \\(\\+1\\.00\\)\n +2023-09-22:[^\n]*\n[^\n]*\n +quote: +\"In the case of the war in Ukraine, there is no shared blame\\.(.|\n)*United States: support \\(\\+1\\.00\\)\n +2023-09-19:[^\n]*\n[^\n]*\n +quote: +\"But Russia alone bears responsibility for this war\\.")
stance_cli_test(NAME "general debate: Starmer's 2024 speech names no aggressor and is coded on support for Ukraine"
    FIXTURES gd_west_db
    ARGS "--db|${gd_west_db}|search|as long as it takes|--actor|gbr|--format|csv"
    EXPECT "2024-09-26,United Kingdom,support,Support for Ukraine against Russia's war,unga-gd-79,We will stand with Ukraine for as long as it takes\\.,\"ungdc-gbr-79-2024 \\[5189, 5240\\)\",gbr-gd79-as-long-as-it-takes")
stance_cli_test(NAME "general debate: the database of all five countries' coding has no damage"
    FIXTURES gd_west_db
    ARGS "--db|${gd_west_db}|check"
    EXPECT "no damage found")
