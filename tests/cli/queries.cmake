# The query commands (evolution, snapshot, compare) run on the seed dataset as a user runs them.
# Included from tests/cli/CMakeLists.txt, after stance_cli_test is defined.
set(seed_db ${STANCE_CLI_WORK}/seed.db)
add_test(NAME "cli: setup seed database"
    COMMAND ${CMAKE_COMMAND} -E rm -f ${seed_db} ${seed_db}-wal ${seed_db}-shm)
add_test(NAME "cli: import seed dataset"
    COMMAND ${CMAKE_COMMAND} -DCOMMAND=$<TARGET_FILE:stance_cli>|--db|${seed_db}|import|data/seed/nato-2017-03-31.json
            -DWORKING_DIR=${PROJECT_SOURCE_DIR} "-DEXPECT_OUTPUT=imported 1 documents, [0-9]+ actors"
            -P ${CMAKE_CURRENT_SOURCE_DIR}/expect.cmake)
set_tests_properties("cli: setup seed database" PROPERTIES FIXTURES_SETUP seed_clean)
set_tests_properties("cli: import seed dataset" PROPERTIES FIXTURES_SETUP seed_db FIXTURES_REQUIRED seed_clean)

# evolution
stance_cli_test(NAME "evolution of Nederland on Rusland as text" FIXTURES seed_db
    ARGS --db|${seed_db}|evolution|--actor|Nederland|--topic|Rusland
    EXPECT "^Netherlands \\(nld\\) on Russia \\(russia\\)\n.*At a glance.*Own positions \\([1-9][0-9]*\\).*2017-03-31  Working lunch: relations with Russia.*quote: +\"Nederland heeft naar voren gebracht dat continuering van het tweespoor.*source: +nl-mfa-letter-nac-fm-2017-03-31, bytes .6108, 6276\\).*in English: +The Netherlands said.*Inherited from groups.*NATO Summit, Warsaw 2016.*Shifts.*Sources")
stance_cli_test(NAME "evolution as json" FIXTURES seed_db
    ARGS --db|${seed_db}|evolution|--actor|NLD|--topic|russia|--format|json
    EXPECT "\"actor\": \"nld\".*\"topic\": \"russia\".*\"points\": .\n +\\{\n +\"date\": \"2017-03-31\",\n +\"id\": \"nld-[a-z0-9-]+\".*\"position\": \"support\",\n +\"score\": 1.0,.*\"source\": \\{\n +\"document\": \"nl-mfa-letter-nac-fm-2017-03-31\",\n +\"start\": [0-9]+,\n +\"end\": [0-9]+.*\"via\": \"own\".*\"inherited\": ..*\"via\": \"group\".*\"shifts\": \\[\\]"
    REJECT "\"periods\"")
stance_cli_test(NAME "evolution by year as json has period summaries" FIXTURES seed_db
    ARGS --db|${seed_db}|evolution|--actor|Netherlands|--topic|Russia|--by|Year|--include-inherited|--format|json
    EXPECT "\"periods\": .\n +\\{\n +\"period\": \"2016\".*\"mean_score\": 1.0,\n +\"share_support\": 1.0.*\"period\": \"2017\",.*\"n\": [1-9][0-9]*,\n +\"counts\": \\{\n +\"support\": [0-9]+")
stance_cli_test(NAME "evolution as csv has one row per point" FIXTURES seed_db
    ARGS --db|${seed_db}|evolution|--actor|nl|--topic|russia|--format|csv
    EXPECT "^date,stance,via,through,counted,meeting,.*\n2017-03-31,nld-[a-z-]+,own,,yes,nac-fm-2017-03-31-working-lunch,")
stance_cli_test(NAME "evolution of an unknown actor exits 4 with the closest matches" FIXTURES seed_db
    ARGS --db|${seed_db}|evolution|--actor|Nederlnd|--topic|Russia
    CODE 4 EXPECT "unknown actor \"Nederlnd\"; closest: nld \\(Netherlands\\)" REJECT "closest matches")
stance_cli_test(NAME "evolution of an unknown topic exits 4" FIXTURES seed_db
    ARGS --db|${seed_db}|evolution|--actor|nld|--topic|Rusia
    CODE 4 EXPECT "unknown topic \"Rusia\"; closest: russia \\(Russia\\)")
stance_cli_test(NAME "evolution refuses a malformed date" FIXTURES seed_db
    ARGS --db|${seed_db}|evolution|--actor|nld|--topic|russia|--from|2017-13-01
    CODE 3 EXPECT "--from: \"2017-13-01\" is not a date")
stance_cli_test(NAME "evolution refuses an unknown period" FIXTURES seed_db
    ARGS --db|${seed_db}|evolution|--actor|nld|--topic|russia|--by|decade
    CODE 2)

# snapshot
stance_cli_test(NAME "snapshot of 31 March 2017 as text" FIXTURES seed_db
    ARGS --db|${seed_db}|snapshot|--meeting|2017-03-31
    EXPECT "^Meeting of the North Atlantic Council at the level of foreign ministers\nnac-fm-2017-03-31 · 2017-03-31 · Brussels.*Held within it:.*Participants recorded:.*United States \\(usa\\): Rex Tillerson, Secretary of State.*Ukraine \\(ukr\\): support.*speaker: +Pavlo Klimkin \\(klimkin\\)"
    REJECT "nrc-2017-03-30")
stance_cli_test(NAME "snapshot restricted to a topic as json" FIXTURES seed_db
    ARGS --db|${seed_db}|snapshot|--meeting|nac-fm-2017-03-31|--topic|Oekraïne|--format|json
    EXPECT "\"meeting\": \\{\n +\"id\": \"nac-fm-2017-03-31\".*\"topic\": \"ukraine\".*\"topics\": ..*\"actor\": \"nato-allies\""
    REJECT "\"topic\": \"russia")
stance_cli_test(NAME "snapshot of an unknown meeting exits 4" FIXTURES seed_db
    ARGS --db|${seed_db}|snapshot|--meeting|2017-04-01 CODE 4 EXPECT "unknown meeting \"2017-04-01\"")

# compare
stance_cli_test(NAME "compare the Netherlands and the United States on defence spending" FIXTURES seed_db
    ARGS "--db|${seed_db}|compare|NL|Verenigde Staten|--topic|defensie-uitgaven"
    EXPECT "^Netherlands \\(nld\\) compared with United States \\(usa\\) on Defence spending.*\nAgree on 1 · diverge on 0 · only Netherlands on [0-9]+ · only United States on [0-9]+.*AGREE: Wales Defence Investment Pledge")
stance_cli_test(NAME "compare as json" FIXTURES seed_db
    ARGS --db|${seed_db}|compare|nld|usa|--topic|defence-spending|--format|json
    EXPECT "\"first\": \"nld\".*\"agreement\": \"agree\".*\"summary\": \\{\n +\"agree\": 1,\n +\"diverge\": 0")
stance_cli_test(NAME "compare as csv" FIXTURES seed_db
    ARGS --db|${seed_db}|compare|nld|usa|--topic|defence-spending|--format|csv
    EXPECT "^topic,proposition,agreement,side,.*\nwales-defence-investment-pledge,honour-wales-defence-spending-commitments,agree,first,nld,")
stance_cli_test(NAME "compare with an unknown actor exits 4" FIXTURES seed_db
    ARGS --db|${seed_db}|compare|nld|Atlantis CODE 4 EXPECT "unknown actor \"Atlantis\"")
stance_cli_test(NAME "agreement on coded statements finds no roll calls" FIXTURES seed_db
    ARGS --db|${seed_db}|agreement|NL|USA
    EXPECT "all +0 +0.*\nno roll calls that both voted on: agreement counts recorded votes only")

# The main question on the bundled data: the seed (2017) and the Netherlands' general-debate
# speeches (2014, 2022-2024) together, read on the Russia scale.
set(bundled_db ${STANCE_CLI_WORK}/bundled.db)
add_test(NAME "cli: setup bundled database"
    COMMAND ${CMAKE_COMMAND} -E rm -f ${bundled_db} ${bundled_db}-wal ${bundled_db}-shm)
add_test(NAME "cli: import seed and general-debate datasets"
    COMMAND ${CMAKE_COMMAND} -DCOMMAND=$<TARGET_FILE:stance_cli>|--db|${bundled_db}|import|data/seed/nato-2017-03-31.json|data/general-debate/nld-russia-ukraine.json
            -DWORKING_DIR=${PROJECT_SOURCE_DIR} "-DEXPECT_OUTPUT=nld-russia-ukraine.json: imported 4 documents"
            -P ${CMAKE_CURRENT_SOURCE_DIR}/expect.cmake)
set_tests_properties("cli: setup bundled database" PROPERTIES FIXTURES_SETUP bundled_clean)
set_tests_properties("cli: import seed and general-debate datasets" PROPERTIES FIXTURES_SETUP bundled_db
    FIXTURES_REQUIRED bundled_clean)
stance_cli_test(NAME "evolution of NL on Russia by year is read on the Russia scale" FIXTURES bundled_db
    ARGS --db|${bundled_db}|evolution|--actor|NL|--topic|Russia|--by|year
    EXPECT "Periods \\(by year\\) on the scale of Russia.*\n2014 .*\n2017 .*\n2022 .*\n2023 .*\n2024 .*scale: 2017-03-31 → 2022-09-2[0-9]: mean position on the scale -[0-9.]+ \\(toward \"engagement with Russia\"\\)"
    # A kind printed next to a topic label, as if the topic were the claim ("support (+1.00) on Russia's war").
    REJECT "(support|oppose|concern|conditional) \\([+-][0-9.]+\\) on ")
stance_cli_test(NAME "evolution on the Russia scale as json carries claims and positions" FIXTURES bundled_db
    ARGS --db|${bundled_db}|evolution|--actor|NL|--topic|Russia|--by|year|--format|json
    EXPECT "\"claim\": \"[^\"]+\",\n *\"on_scale\": \\{\n *\"scale\": \"russia\",\n *\"direction\": [-0-9.]+,\n *\"position\": [-0-9.]+")
stance_cli_test(NAME "the bundled datasets validate without a problem"
    ARGS validate|data/seed/nato-2017-03-31.json|data/general-debate/nld-russia-ukraine.json
    EXPECT "2 files checked: no problems")
stance_cli_test(NAME "evolution --basis keeps only stances known that way" FIXTURES bundled_db
    ARGS --db|${bundled_db}|evolution|--actor|NL|--topic|Russia|--basis|vote|--format|csv
    REJECT ",statement,")
stance_cli_test(NAME "evolution refuses an unknown basis" FIXTURES bundled_db
    ARGS --db|${bundled_db}|evolution|--actor|NL|--topic|Russia|--basis|rumour
    CODE 3 EXPECT "--basis: \"rumour\" is not one of vote, statement")

# compare and agreement share one definition of which stances reach an actor (docs/queries.md):
# on recorded votes with one roll call per claim, compare's agree and diverge rows are agreement's
# identical and different votes, South's votes cast partly by its envoy (speaker).
set(votes_db ${STANCE_CLI_WORK}/one-claim-votes.db)
add_test(NAME "cli: setup one-claim votes database"
    COMMAND ${CMAKE_COMMAND} -E rm -f ${votes_db} ${votes_db}-wal ${votes_db}-shm)
add_test(NAME "cli: import one-claim votes"
    COMMAND ${CMAKE_COMMAND} -DCOMMAND=$<TARGET_FILE:stance_cli>|--db|${votes_db}|import|tests/data/votes/one-claim-per-roll-call.json
            -DWORKING_DIR=${PROJECT_SOURCE_DIR} "-DEXPECT_OUTPUT=imported .*4 actors"
            -P ${CMAKE_CURRENT_SOURCE_DIR}/expect.cmake)
set_tests_properties("cli: setup one-claim votes database" PROPERTIES FIXTURES_SETUP votes_clean)
set_tests_properties("cli: import one-claim votes" PROPERTIES FIXTURES_SETUP votes_db FIXTURES_REQUIRED votes_clean)
foreach(pair "north|south|3|3" "north|east|3|2" "south|east|2|4")
    string(REPLACE "|" ";" parts "${pair}")
    list(GET parts 0 first)
    list(GET parts 1 second)
    list(GET parts 2 identical)
    list(GET parts 3 different)
    math(EXPR both "${identical} + ${different}")
    stance_cli_test(NAME "compare ${first} ${second} on votes agrees on the identical votes" FIXTURES votes_db
        ARGS --db|${votes_db}|compare|${first}|${second}
        EXPECT "\nAgree on ${identical} · diverge on ${different} · ")
    stance_cli_test(NAME "agreement ${first} ${second} counts the same votes as compare" FIXTURES votes_db
        ARGS --db|${votes_db}|agreement|${first}|${second}|--by|none|--format|csv
        EXPECT "\nall,,,${both},${identical},")
endforeach()
stance_cli_test(NAME "agreement on the bundled statements finds no roll calls" FIXTURES bundled_db
    ARGS --db|${bundled_db}|agreement|NL|USA
    EXPECT "all +0 +0.*\nno roll calls that both voted on: agreement counts recorded votes only")
