# The coding commands (locate, suggest) as a user runs them. Included from tests/cli/CMakeLists.txt.
set(report data/seed/nato-foreign-ministers-2017-03-31.nl.txt)

# locate: one quote in a text file
stance_cli_test(NAME "locate finds a quote typed with a straight apostrophe"
    ARGS "locate|--document|${report}|--quote|Vooral het onderwerp van vermindering van risico's en militaire transparantie"
    EXPECT "^bytes \\[7712, 7792\\), line 125, column 13\n\"start\": 7712, \"end\": 7792\ntext: Vooral het onderwerp van vermindering van risico’s")
stance_cli_test(NAME "locate finds a quote across a line-end hyphen"
    ARGS "locate|--document|${report}|--quote|de bijeenkomst van de NAVO-staatshoofden"
    EXPECT "^bytes \\[1076, 1117\\), line 18")
stance_cli_test(NAME "locate says where a quote that is not found differs"
    ARGS "locate|--document|${report}|--quote|Nederland heeft ook benadrukt dat een verhoging"
    CODE 4 EXPECT "matches up to \"Nederland heeft ook\" \\(line 34, column 1\\) and differs from the word \"benadrukt\" on; the document reads there: \"…worden gezet. Nederland heeft ook onderstreept dat")
stance_cli_test(NAME "locate lists every place of a quote found more than once"
    ARGS "locate|--document|${report}|--quote|de NAVO"
    CODE 4 EXPECT "occurs 25 times .*\n  bytes \\[491, 498\\), line 7, column 21\n.*… and 15 more")
stance_cli_test(NAME "locate wants a dataset or a document with a quote" ARGS locate CODE 2
    EXPECT "give either a DATASET file or --document FILE --quote TEXT")
stance_cli_test(NAME "locate wants --quote with --document" ARGS locate|--document|${report} CODE 2
    EXPECT "--document and --quote go together")
stance_cli_test(NAME "locate refuses --output without --fix"
    ARGS locate|data/seed/nato-2017-03-31.json|-o|${STANCE_CLI_WORK}/never.json CODE 2 EXPECT "--output needs --fix")

# locate: every span of a dataset
stance_cli_test(NAME "locate checks every span of the seed dataset" ARGS locate|data/seed/nato-2017-03-31.json
    EXPECT "46 ok, 0 fixed, 0 to fix, 0 not placed, 0 skipped")
stance_cli_test(NAME "locate without --fix reports what is wrong and changes nothing"
    ARGS locate|tests/cli/inputs/locate-fixable.json CODE 3
    EXPECT "WRONG  \\$.stances\\[0\\] locate-test-risk-reduction: no source span; the quote is at \\[211, 327\\) of \"nrc-excerpt\"\nWRONG  \\$.stances\\[1\\] locate-test-regular-meetings: the span \\[0, 10\\) does not hold the quote.*run with --fix")
stance_cli_test(NAME "locate --fix writes spans and exact quotes"
    ARGS locate|tests/cli/inputs/locate-fixable.json|--fix|-o|${STANCE_CLI_WORK}/located.json
    EXPECT "FIXED .*FIXED .*wrote .*located.json\n.*0 ok, 2 fixed, 0 to fix, 0 not placed")
set_tests_properties("cli: locate --fix writes spans and exact quotes" PROPERTIES FIXTURES_SETUP located)
stance_cli_test(NAME "a dataset fixed by locate imports" FIXTURES located
    ARGS --db|${STANCE_CLI_WORK}/located.db|import|data/seed/nato-2017-03-31.json|${STANCE_CLI_WORK}/located.json
    EXPECT "located.json: imported 1 documents, 0 actors, 0 memberships, 0 roles, 0 topics, 0 propositions, 0 bodies, 0 meetings, 0 agenda items, 0 participants, 2 stances")
stance_cli_test(NAME "locate --fix says which quote cannot be placed, and where it differs"
    ARGS locate|tests/cli/inputs/locate-unfixable.json|--fix|-o|${STANCE_CLI_WORK}/unfixable.json CODE 3
    EXPECT "FIXED .*ERROR  \\$.stances\\[1\\] locate-test-regular-meetings: the span \\[0, 10\\) does not hold the quote; the quote is not in \"nrc-excerpt\": it matches up to \"Het is van belang dat de NRR op\".*differs from the word \"gezette\".*1 stance without a span that holds the quote")

# suggest
stance_cli_test(NAME "suggest proposes candidates with actor, claim, position and cues"
    ARGS suggest|${report}|-l|nl|--known|data/seed/nato-2017-03-31.json|--speaker-actor|nld
    EXPECT "\"Veel Bondgenoten toonden zich bezorgd over de fragiele situatie.*\n    actor:    nato-allies \\(named\\)\n    claim:    western-balkans\n    position: concern, breadth many\n    cues:     breadth \"veel\", report \"toonden zich\", concern \"bezorgd\".*[0-9]+ candidate stances in .* \\(suggestions to review, not stored\\)")
stance_cli_test(NAME "suggest as json is a dataset fragment to review"
    ARGS suggest|${report}|-l|nl|--known|data/seed/nato-2017-03-31.json|--min-confidence|0.85|-f|json|--document-id|nl-mfa-letter-nac-fm-2017-03-31|-m|nac-fm-2017-03-31
    EXPECT "^\\{\n  \"stance_dataset\": 1,\n  \"stances\": \\[\n    \\{\n      \"id\": \"suggested-1-nld\",.*\"document\": \"nl-mfa-letter-nac-fm-2017-03-31\",.*\"confidence\": 0\\.[0-9]+,\n      \"coder\": \"stance suggest\"")
stance_cli_test(NAME "suggest --evaluate reports recall and precision on the seed"
    ARGS suggest|--evaluate|data/seed/nato-2017-03-31.json|--speaker-actor|nld
    EXPECT "46 coded stances, 4[0-9] proposed with the right actor \\(recall (8[5-9]|9[0-9]|100)\\.[0-9] %\\); [0-9]+ proposals")
stance_cli_test(NAME "suggest wants a document or --evaluate" ARGS suggest CODE 2
    EXPECT "give either a DOCUMENT file or --evaluate DATASET")
stance_cli_test(NAME "suggest refuses a lexicon directory without lexicons"
    ARGS suggest|${report}|--known|data/seed/nato-2017-03-31.json|--lexicons|tests/cli/inputs CODE 3
    EXPECT "tests/cli/inputs: holds no cues.<language>.tsv lexicon")
stance_cli_test(NAME "locate --fix -o writes a dataset with its texts inline"
    ARGS locate|data/seed/nato-2017-03-31.json|--fix|-o|${STANCE_CLI_WORK}/seed-copy.json
    EXPECT "wrote .*seed-copy.json\n.*46 ok, 0 fixed")
set_tests_properties("cli: locate --fix -o writes a dataset with its texts inline"
    PROPERTIES FIXTURES_SETUP seed_copy)
stance_cli_test(NAME "the copy written elsewhere checks out" FIXTURES seed_copy
    ARGS locate|${STANCE_CLI_WORK}/seed-copy.json EXPECT "46 ok, 0 fixed")
