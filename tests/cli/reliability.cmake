# Included from CMakeLists.txt: stance reliability on the seed report coded twice, by the seed's
# coder and by a second coder whose coding of the same report is a test fixture
# (tests/cli/inputs/reliability/second-coder.json; docs/intercoder-reliability.md).
#
# What the figures must be, from the two codings: the second coder coded 40 stances, each on words
# the first coder also coded; the first coded 6 more (the Allies beside the US expectation and
# beside the Dutch view of the dual track, the Allies' undecided national plans, the Russian role in
# the Balkans, NATO and Russia on risk reduction), so 40 pairs. They differ on 3 actors (the
# Netherlands for "many countries, the Netherlands among them", NATO for two Iraq decisions coded
# as the Allies'), on no claim, on 1 position kind (support where the first coded conditional) and
# on 1 scale position (-0.75 for a concern the first scored -0.5). The report has 65 sentences; the
# first coder's quotes reach into 13 that the second left uncoded (those above, and sentences a
# quote of the first runs on into: "Daarbij is gerefereerd", "Het is de bedoeling", "De
# NAVO-ministers bespraken", "Het toetredingsproces", "De toepassing van deze criteria", "De
# Russische opstelling", "Daarbij kan worden gedacht", "Strategische communicatie", "Bovendien
# staan zij"), the second none the first left. So (names in order, the second coder first):
# both 35, first only 0, second only 13, neither 17; on "coded", n = 130 values, 83 ones and 47
# zeros, D_o = 26/130, D_e = 2·83·47 / (130·129): alpha 0.5701.
set(reliability_db ${STANCE_CLI_WORK}/reliability.db)
add_test(NAME "cli: setup reliability database"
    COMMAND ${CMAKE_COMMAND} -E rm -f ${reliability_db} ${reliability_db}-wal ${reliability_db}-shm)
add_test(NAME "cli: import reliability database"
    COMMAND ${CMAKE_COMMAND} -DCOMMAND=$<TARGET_FILE:stance_cli>|--db|${reliability_db}|import|data/seed/nato-2017-03-31.json|tests/cli/inputs/reliability/second-coder.json
            -DWORKING_DIR=${PROJECT_SOURCE_DIR} "-DEXPECT_OUTPUT=second-coder.json: imported .*40 stances"
            -P ${CMAKE_CURRENT_SOURCE_DIR}/expect.cmake)
set_tests_properties("cli: setup reliability database" PROPERTIES FIXTURES_SETUP reliability_clean)
set_tests_properties("cli: import reliability database" PROPERTIES FIXTURES_SETUP reliability_db
    FIXTURES_REQUIRED reliability_clean)

set(second_coder "second coder \\(test fixture\\)")
stance_cli_test(NAME "reliability of two codings of the seed report" FIXTURES reliability_db
    ARGS --db|${reliability_db}|reliability
    EXPECT "^nl-mfa-letter-nac-fm-2017-03-31: \"${second_coder}\" \\(40 stances\\) and \"stance seed coding\" \\(46 stances\\)\n65 sentences: coded by both 35, by the first only 0, by the second only 13, by neither 17; 40 pairs of stances on the same sentence\nfigure +units +agree +share +alpha +kappa\nsentence coded +65 +52 +0.8000 +0.5701 +[0-9.]+\nactor +40 +37 +0.9250 .*\nclaim +40 +40 +1.0000 +1.0000 +1.0000\nposition kind +40 +39 +0.9750 .*\nscale position +[0-9]+ +[0-9]+ +[0-9.]+ +[0-9.]+ *\n")
stance_cli_test(NAME "reliability of one document and two named coders as csv" FIXTURES reliability_db
    SHELL "$0 --db ${reliability_db} reliability --document nl-mfa-letter-nac-fm-2017-03-31 --coder 'stance seed coding' --coder 'second coder (test fixture)' --format csv"
    EXPECT "^document,first,second,figure,units,agree,share,alpha,kappa\nnl-mfa-letter-nac-fm-2017-03-31,${second_coder},stance seed coding,sentence coded,")
stance_cli_test(NAME "reliability as json" FIXTURES reliability_db
    ARGS --db|${reliability_db}|reliability|--format|json
    EXPECT "\"documents\": \\[\n +\\{\n +\"document\": \"nl-mfa-letter-nac-fm-2017-03-31\",\n +\"first\": \\{\n +\"coder\": \"${second_coder}\",\n +\"stances\": 40\n.*\"paired\": 40,\n +\"actor\": \\{\n +\"units\": 40,\n +\"agree\": 37,")
stance_cli_test(NAME "reliability as markdown" FIXTURES reliability_db
    ARGS --db|${reliability_db}|reliability|--format|md
    EXPECT "^### nl-mfa-letter-nac-fm-2017-03-31: .*\n\n\\| figure \\| units \\| agree \\| share \\| alpha \\| kappa \\|\n\\| --- \\|")
stance_cli_test(NAME "reliability with one coder is refused" FIXTURES reliability_db
    SHELL "$0 --db ${reliability_db} reliability --coder 'stance seed coding'"
    CODE 3 EXPECT "only one coder, \"stance seed coding\": agreement needs two")
stance_cli_test(NAME "reliability of an unknown coder names the closest" FIXTURES reliability_db
    SHELL "$0 --db ${reliability_db} reliability --coder 'stance seed coding' --coder 'second coder'"
    CODE 4 EXPECT "no stance with a source span is coded by \"second coder\"; .*closest: \"${second_coder}\"")
stance_cli_test(NAME "reliability of a document with one coder has nothing to compare" FIXTURES seed_db
    ARGS --db|${seed_db}|reliability
    EXPECT "no document has stances of two of the coders asked for")
