# Listings (stances, documents, propositions, roles, bodies, participants, actors with roles),
# references by date and part of a title, --speaker on the queries, search syntax and --version:
# success and error paths, on the bundled data (seed + general debate). Included from
# tests/cli/CMakeLists.txt after queries.cmake, which sets up bundled_db.

# --version
stance_cli_test(NAME "--version prints the project version" ARGS --version EXPECT "^stance [0-9]+\\.[0-9]+\\.[0-9]+\n$")
stance_cli_test(NAME "version prints the project version" ARGS version EXPECT "^stance [0-9]+\\.[0-9]+\\.[0-9]+\n$")

# stances
stance_cli_test(NAME "stances by speaker lists what Schoof voiced" FIXTURES bundled_db
    ARGS --db|${bundled_db}|stances|--speaker|Schoof
    EXPECT "^stance +date +actor +speaker +claim +position +score +quote +document +span +meeting +basis +coder\n.*2024-09-2[0-9] +Netherlands +Dick Schoof .*unga-gd-79.*\n[1-9][0-9]* stances\n$"
    REJECT "Mark Rutte|unga-gd-78")
stance_cli_test(NAME "stances on a meeting given by a date it spans" FIXTURES bundled_db
    ARGS --db|${bundled_db}|stances|--meeting|2024-09-26|--format|csv
    EXPECT "^stance,date,actor,speaker,claim,position,score,quote,document,span,meeting,basis,coder\n[^\n]+,unga-gd-79,statement,stance general-debate coding \\(by hand\\)\n"
    REJECT "unga-gd-78")
stance_cli_test(NAME "stances as json carry the whole quote and its span" FIXTURES bundled_db
    ARGS "--db|${bundled_db}|stances|--actor|NL|--topic|food security|--basis|statement|--from|2022-01-01|--format|json"
    EXPECT "^\\[\\{\"stance\":\"[^\"]+\",\"date\":\"202[2-4]-09-[0-9]+\",\"actor\":\"Netherlands\",\"speaker\":\"[^\"]+\",\"claim\":\"[^\"]+\",\"position\":\"[a-z_]+\",\"score\":\"[-+][0-9].[0-9][0-9]\",\"quote\":\"[^\"]+\",\"document\":\"[^\"]+\",\"span\":\"\\[[0-9]+, [0-9]+\\)\"")
stance_cli_test(NAME "stances by a coder nobody is lists none" FIXTURES bundled_db
    ARGS --db|${bundled_db}|stances|--coder|nobody EXPECT "\n0 stances\n$")
stance_cli_test(NAME "stances of a document given by part of its title" FIXTURES bundled_db
    ARGS "--db|${bundled_db}|-q|stances|--document|Report on the meeting of the North Atlantic"
    EXPECT "nl-mfa-letter-nac-fm-2017-03-31 +.[0-9]+, [0-9]+\\)" REJECT "unga-gd|stances\n$")
stance_cli_test(NAME "stances of an unknown document exit 4" FIXTURES bundled_db
    ARGS --db|${bundled_db}|stances|--document|no-such-document CODE 4 EXPECT "unknown document \"no-such-document\"")
stance_cli_test(NAME "stances with a state as speaker exit 4" FIXTURES bundled_db
    ARGS --db|${bundled_db}|stances|--speaker|NL CODE 4 EXPECT "\"NL\" is Netherlands \\(nld\\), a state, not a person")
stance_cli_test(NAME "stances with an unknown basis exit 3" FIXTURES bundled_db
    ARGS --db|${bundled_db}|stances|--basis|rumour CODE 3 EXPECT "--basis: \"rumour\" is not one of vote, statement")
stance_cli_test(NAME "stances with dates the wrong way round exit 3" FIXTURES bundled_db
    ARGS --db|${bundled_db}|stances|--from|2024-01-01|--to|2023-01-01 CODE 3 EXPECT "--from 2024-01-01 is after --to 2023-01-01")
stance_cli_test(NAME "stances with a malformed date exit 3" FIXTURES bundled_db
    ARGS --db|${bundled_db}|stances|--to|yesterday CODE 3 EXPECT "--to: \"yesterday\" is not a date")
stance_cli_test(NAME "stances with an ambiguous topic list the candidates once" FIXTURES bundled_db
    ARGS "--db|${bundled_db}|stances|--topic|Russia's war" CODE 4
    EXPECT "ambiguous topic \"Russia's war\": as a part of a title it matches 4 topics: accountability-russia-ukraine .*russia-war-against-ukraine .*support-for-ukraine .*war-food-security"
    REJECT "closest matches")
stance_cli_test(NAME "stances with an unknown actor exit 4" FIXTURES bundled_db
    ARGS --db|${bundled_db}|stances|--actor|Atlantis CODE 4 EXPECT "unknown actor \"Atlantis\"")
stance_cli_test(NAME "stances on a missing database exit 5" ARGS --db|${STANCE_CLI_WORK}/no-such.db|stances CODE 5)

# the other listings
stance_cli_test(NAME "documents lists titles, sizes and hashes" FIXTURES bundled_db
    ARGS --db|${bundled_db}|documents
    EXPECT "^id +date +language +title +author +bytes +path +origin +sha256\n.*nl-mfa-letter-nac-fm-2017-03-31 + nl +Report on the meeting.* [0-9]+ +nato-foreign-ministers-2017-03-31.nl.txt .*[0-9a-f][0-9a-f][0-9a-f][0-9a-f]+\n.*ungdc-nld-79-2024 +2024-09-[0-9]+ +en ")
stance_cli_test(NAME "propositions under a topic" FIXTURES bundled_db
    ARGS "--db|${bundled_db}|propositions|--topic|Sanctions against Russia|-f|csv"
    EXPECT "^id,topic,statement\n[a-z0-9-]+,sanctions-on-russia," REJECT "\n[a-z0-9-]+,mh17,")
stance_cli_test(NAME "propositions under an unknown topic exit 4" FIXTURES bundled_db
    ARGS --db|${bundled_db}|propositions|--topic|Zqxjv CODE 4 EXPECT "unknown topic \"Zqxjv\"")
stance_cli_test(NAME "roles list who spoke for whom" FIXTURES bundled_db
    ARGS --db|${bundled_db}|roles|--actor|nld
    EXPECT "schoof +Dick Schoof +nld +Prime Minister +2024-07-02")
stance_cli_test(NAME "roles of an unknown actor exit 4" FIXTURES bundled_db
    ARGS --db|${bundled_db}|roles|--actor|Atlantis CODE 4 EXPECT "unknown actor \"Atlantis\"")
stance_cli_test(NAME "bodies" FIXTURES bundled_db ARGS --db|${bundled_db}|bodies|-f|json
    EXPECT "\"id\":\"unga\",\"name\":\"[^\"]+\"")
stance_cli_test(NAME "participants of a meeting given by date" FIXTURES bundled_db
    ARGS --db|${bundled_db}|participants|--meeting|2017-03-31
    EXPECT "nac-fm-2017-03-31 +usa +tillerson" REJECT "unga-gd")
stance_cli_test(NAME "participants of an unknown meeting suggest the nearest in time" FIXTURES bundled_db
    ARGS --db|${bundled_db}|participants|--meeting|2024-10-03 CODE 4
    EXPECT "unknown meeting \"2024-10-03\"; closest: unga-gd-79 \\(2024-09-24, [^)]+\\), unga-gd-78")
stance_cli_test(NAME "actors show their roles" FIXTURES bundled_db ARGS --db|${bundled_db}|actors|--match|schoof
    EXPECT "schoof +person +Dick Schoof .*Prime Minister of nld 2024-07-02 to")

# references by date and part of a title, --speaker on the queries
stance_cli_test(NAME "snapshot of a day inside the general debate" FIXTURES bundled_db
    ARGS --db|${bundled_db}|snapshot|--meeting|2024-09-24
    EXPECT "General debate of the 79th session")
stance_cli_test(NAME "snapshot of a date with no meeting suggests the nearest once" FIXTURES bundled_db
    ARGS --db|${bundled_db}|snapshot|--meeting|2024-10-01 CODE 4
    EXPECT "^stance: unknown meeting \"2024-10-01\"; closest: unga-gd-79 [^\n]*\n$")
stance_cli_test(NAME "snapshot with a speaker" FIXTURES bundled_db
    ARGS --db|${bundled_db}|snapshot|--meeting|unga-gd-79|--speaker|Schoof|-f|json
    EXPECT "\"speaker\": \"schoof\"" REJECT "\"speaker\": \"rutte\"")
stance_cli_test(NAME "snapshot with a speaker says so" FIXTURES bundled_db
    ARGS --db|${bundled_db}|snapshot|--meeting|2024-09-24|--speaker|Schoof
    EXPECT "\n[1-9][0-9]* stances? on [1-9][0-9]* topics?\nOnly what schoof voiced.\n")
stance_cli_test(NAME "evolution of a person is what that person voiced" FIXTURES bundled_db
    ARGS --db|${bundled_db}|evolution|-a|Schoof|-t|Russia|-f|csv
    EXPECT "\n2024-09-2[0-9],[a-z0-9-]+,own," REJECT "\n20(14|22|23)-")
stance_cli_test(NAME "evolution of a person says whose words it reads" FIXTURES bundled_db
    ARGS --db|${bundled_db}|evolution|-a|Schoof|-t|Russia
    EXPECT "^Netherlands \\(nld\\) on Russia \\(russia\\)\n.*Only what schoof voiced.\n[1-9][0-9]* direct statements")
stance_cli_test(NAME "evolution with a speaker" FIXTURES bundled_db
    ARGS --db|${bundled_db}|evolution|-a|NL|-t|Russia|--speaker|rutte|-f|csv
    EXPECT "\n2014-09-2[0-9],[a-z0-9-]+,own," REJECT "\n2024-")
stance_cli_test(NAME "evolution with a state as speaker exits 4" FIXTURES bundled_db
    ARGS --db|${bundled_db}|evolution|-a|NL|-t|Russia|--speaker|Russia CODE 4 EXPECT "not a person")
stance_cli_test(NAME "compare with an unknown speaker exits 4" FIXTURES bundled_db
    ARGS --db|${bundled_db}|compare|NL|USA|--speaker|Nobody CODE 4 EXPECT "unknown actor \"Nobody\"")

# search syntax: any typed text is a search
stance_cli_test(NAME "search for Russia's" FIXTURES bundled_db ARGS --db|${bundled_db}|search|Russia's
    EXPECT "\n[1-9][0-9]* stances\n$" REJECT "syntax|fts5")
stance_cli_test(NAME "search for U.N." FIXTURES bundled_db ARGS --db|${bundled_db}|search|U.N.
    EXPECT "stances?\n$" REJECT "syntax|fts5")
stance_cli_test(NAME "search with an unclosed quote" FIXTURES bundled_db ARGS "--db|${bundled_db}|search|\"brede steun"
    EXPECT "\n[1-9][0-9]* stances?\n$")
stance_cli_test(NAME "search with a lone operator" FIXTURES bundled_db ARGS --db|${bundled_db}|search|OR
    EXPECT "stances?\n$" REJECT "syntax|fts5")
stance_cli_test(NAME "search with NOT and OR" FIXTURES bundled_db
    ARGS "--db|${bundled_db}|search|sanctions OR sancties NOT Iran|-f|csv" EXPECT "^date,actor,position")
stance_cli_test(NAME "search by speaker" FIXTURES bundled_db ARGS --db|${bundled_db}|search|Russia|--speaker|Schoof
    EXPECT "\n2024-09-2[0-9]  Netherlands.*\n[1-9][0-9]* stances?\n$" REJECT "\n20(14|22|23)-")
stance_cli_test(NAME "search for punctuation only exits 3" FIXTURES bundled_db ARGS --db|${bundled_db}|search|...
    CODE 3 EXPECT "has no word to look for")
