# add-document and code (one stance by its quote, or a CSV file) as a user runs them. Included from
# tests/cli/CMakeLists.txt. A database with the seed's actors, topics and meetings and the document
# tests/cli/inputs/code-report.txt (curly quotes, an en dash, a word split at a line end).
set(code_db ${STANCE_CLI_WORK}/code.db)
set(code_inputs tests/cli/inputs)
add_test(NAME "cli: code: setup database"
    COMMAND ${CMAKE_COMMAND} -E rm -f ${code_db} ${code_db}-wal ${code_db}-shm)
set_tests_properties("cli: code: setup database" PROPERTIES FIXTURES_SETUP code_clean)
stance_cli_test(NAME "code: import the seed" FIXTURES code_clean
    ARGS --db|${code_db}|import|data/seed/nato-2017-03-31.json)
set_tests_properties("cli: code: import the seed" PROPERTIES FIXTURES_SETUP code_seeded)
stance_cli_test(NAME "add-document stores a text file" FIXTURES code_seeded
    ARGS --db|${code_db}|add-document|${code_inputs}/code-report.txt|--id|code-report|--language|nl|--title|Lunch|--date|2017-03-31|--author|Test|--origin|tests
    EXPECT "^added document code-report \\(200 bytes\\)\n$")
set_tests_properties("cli: add-document stores a text file" PROPERTIES FIXTURES_SETUP code_db)

# add-document: what is refused, and where
stance_cli_test(NAME "add-document refuses a text that is not UTF-8, at its line and column"
    ARGS --db|${STANCE_CLI_WORK}/never.db|add-document|tests/reliability/inputs/latin1-letter.txt|--id|x|-l|nl CODE 3
    EXPECT "invalid input: tests/reliability/inputs/latin1-letter.txt:[0-9]+:[0-9]+: not valid UTF-8 here; convert the file")
stance_cli_test(NAME "add-document refuses a text not in NFC, at its line and column"
    ARGS --db|${STANCE_CLI_WORK}/never.db|add-document|${code_inputs}/code-not-nfc.txt|--id|x|-l|nl CODE 3
    EXPECT "code-not-nfc.txt:1:6: a character not in Unicode NFC .*uconv -x any-nfc")
stance_cli_test(NAME "add-document refuses an invisible character, at its line and column"
    ARGS --db|${STANCE_CLI_WORK}/never.db|add-document|${code_inputs}/code-invisible.txt|--id|x|-l|nl CODE 3
    EXPECT "code-invisible.txt:2:5: U\\+200B, a character that cannot be seen")
stance_cli_test(NAME "add-document leaves out a byte order mark" FIXTURES code_db
    ARGS --db|${code_db}|add-document|${code_inputs}/code-bom.txt|--id|bom|-l|en EXPECT "^added document bom \\(18 bytes\\)")
stance_cli_test(NAME "add-document wants an id and a language" ARGS add-document|${code_inputs}/code-report.txt
    CODE 2 EXPECT "--id is required")
stance_cli_test(NAME "add-document refuses another text under a stored id" FIXTURES code_db
    ARGS --db|${code_db}|add-document|${code_inputs}/code-invisible.txt|--id|code-report|-l|nl CODE 3)
stance_cli_test(NAME "add-document refuses a date that does not exist" FIXTURES code_db
    ARGS --db|${code_db}|add-document|${code_inputs}/code-report.txt|--id|other|-l|nl|--date|2017-02-30 CODE 3
    EXPECT "--date: \"2017-02-30\" is not a date")

# code: one stance
stance_cli_test(NAME "code finds a quote typed with straight quotes, a plain dash and no line break" FIXTURES code_db
    ARGS "--db|${code_db}|code|--document|code-report|--actor|Nederland|--claim|NAVO Rusland Raad|--position|support|--meeting|nac-fm-2017-03-31-working-lunch|--coder|cli-test|--quote|Nederland heeft benadrukt dat de dialoog met Rusland \"op regelmatige basis\" moet worden voortgezet - ook nu."
    EXPECT "^coded nld.nato-russia-dialogue.code-report.22: nld support nato-russia-dialogue at nac-fm-2017-03-31-working-lunch, code-report bytes \\[22, 138\\), line 2, column 1\n  \"Nederland heeft benadrukt dat de dialoog met Rusland “op regelmatige basis” moet worden voort- gezet – ook nu.\"\n$")
stance_cli_test(NAME "code says where a quote that is not found differs" FIXTURES code_db
    ARGS "--db|${code_db}|code|--document|code-report|--actor|nld|--claim|russia|--position|support|--meeting|2017-03-31|--quote|Nederland heeft onderstreept dat"
    CODE 4 EXPECT "quote: the quote is not in \"code-report\": it matches up to \"Nederland heeft\" \\(line 2, column 1\\) and differs from the word \"onderstreept\" on; the document reads there")
stance_cli_test(NAME "code lists the places of a quote found more than once" FIXTURES code_db
    ARGS "--db|${code_db}|code|--document|code-report|--actor|nato-allies|--claim|russia|--position|support|--meeting|2017-03-31|--quote|De Bondgenoten waren"
    CODE 4 EXPECT "the quote occurs 2 times in \"code-report\"; quote more words, or choose one with occurrence N \\(1 to 2, in text order\\):\n  1. line 4:1 \"…gezet – ook nu. De Bondgenoten waren het eens. De Bondgenoten…\"\n  2. line 4:32 ")
stance_cli_test(NAME "code takes --occurrence for a quote found more than once" FIXTURES code_db
    ARGS "--db|${code_db}|code|--document|code-report|--actor|nato-allies|--claim|russia|--position|support|--meeting|2017-03-31|--occurrence|2|--quote|De Bondgenoten waren"
    EXPECT "^coded nato-allies.russia.code-report.170: .* line 4, column 32\n")
stance_cli_test(NAME "code takes an explicit span" FIXTURES code_db
    ARGS "--db|${code_db}|code|--document|code-report|--actor|nld|--claim|russia|--position|neutral|--meeting|2017-03-31|--span|0|21|--id|cli-span"
    EXPECT "^coded cli-span: nld neutral russia .* bytes \\[0, 21\\), line 1, column 1\n  \"Verslag van de lunch.\"")
stance_cli_test(NAME "code lists the closest actors of an unknown one" FIXTURES code_db
    ARGS "--db|${code_db}|code|--document|code-report|--actor|Nederlnd|--claim|russia|--position|support|--meeting|2017-03-31|--quote|Verslag"
    CODE 4 EXPECT "actor: unknown actor \"Nederlnd\"; closest: nld \\(Netherlands\\)" REJECT "closest matches")
stance_cli_test(NAME "code says an unknown claim is neither a proposition nor a topic" FIXTURES code_db
    ARGS "--db|${code_db}|code|--document|code-report|--actor|nld|--claim|Atlantis|--position|support|--meeting|2017-03-31|--quote|Verslag"
    CODE 4 EXPECT "claim: no proposition has the id \"Atlantis\", and as a topic: unknown topic \"Atlantis\"")
stance_cli_test(NAME "code says how to add an unknown document" FIXTURES code_db
    ARGS "--db|${code_db}|code|--document|code-reprt|--actor|nld|--claim|russia|--position|support|--meeting|2017-03-31|--quote|Verslag"
    CODE 4 EXPECT "document: unknown document \"code-reprt\": add it with stance add-document FILE --id ID; closest: code-report")
stance_cli_test(NAME "code refuses a position that is not a kind, with the kinds" FIXTURES code_db
    ARGS "--db|${code_db}|code|--document|code-report|--actor|nld|--claim|russia|--position|suport|--meeting|2017-03-31|--quote|Verslag"
    CODE 3 EXPECT "position: \"suport\" is not a position: use one of support, oppose, abstain")
stance_cli_test(NAME "code reports every missing option at once" FIXTURES code_db
    ARGS "--db|${code_db}|code|--document|code-report|--quote|Verslag"
    CODE 3 EXPECT "actor: no actor given.*\nclaim: no claim given.*\nposition: no position given.*\nmeeting: no meeting given")

# code --csv
stance_cli_test(NAME "code --csv codes every row, the options filling the cells" FIXTURES code_db
    ARGS --db|${code_db}|code|--csv|${code_inputs}/code-rows.csv|--document|code-report|--meeting|nac-fm-2017-03-31-working-lunch|--coder|cli-test
    EXPECT "coded nld.nato-russia-dialogue.code-report.55: .*\ncoded nato-allies.western-balkans.code-report.170: .*\n.*code-rows.csv: coded 2 stances\n$")
stance_cli_test(NAME "code --csv reports a bad header by column" FIXTURES code_db
    ARGS --db|${code_db}|code|--csv|${code_inputs}/code-bad-header.csv CODE 3
    EXPECT "code-bad-header.csv:1:10: column \"actr\": \"actr\" is not a column stance knows.*1 problem in 0 rows; nothing was written")
stance_cli_test(NAME "code --csv reports every bad row in one run and writes nothing"
    SHELL "sh tests/cli/code-csv-unchanged.sh $0 ${STANCE_CLI_WORK}/csv-unchanged"
    EXPECT "code-bad-rows.csv:3:13: row 2, column \"actor\": unknown actor \"Atlantis\".*\n.*code-bad-rows.csv:4:1: row 3: this row has 4 fields but the header names 6.*\n.*code-bad-rows.csv:5:17: row 4, column \"claim\": no proposition has the id \"nowhere\".*\n.*code-bad-rows.csv:5:44: row 4, column \"quote\": the quote occurs 2 times.*4 problems in 4 rows; nothing was written: fix them and run again\nexit 3\nunchanged")

# The whole walk-through of docs/coding.md: add, code by quote and by CSV, export, import into a
# fresh database, export again: the same bytes.
stance_cli_test(NAME "coded stances export and re-import byte-identically"
    SHELL "sh tests/cli/code-roundtrip.sh $0 ${STANCE_CLI_WORK}/roundtrip"
    EXPECT "^3 coded stances\nidentical\n$")

# Issue 10's whole workflow without JSON: add a document, code by quote, list, edit, delete, undo,
# export the document's coding, re-import it into a fresh database: the same bytes.
stance_cli_test(NAME "coding walk-through: add, code, list, edit, delete, undo, export, re-import"
    SHELL "sh tests/cli/coding-walkthrough.sh $0 ${STANCE_CLI_WORK}/walkthrough"
    EXPECT "^2 listed\n1 after the delete\nundo restored the deleted stance\n1 edited note\nidentical\n$")
