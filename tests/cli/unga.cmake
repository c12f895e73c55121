# The UN General Assembly commands on the small real fixture (tests/data/unga): import-unga,
# agreement, agreement-matrix, and their errors and exit codes.
set(unga_db ${STANCE_CLI_WORK}/unga.db)
add_test(NAME "cli: setup unga database" COMMAND ${CMAKE_COMMAND} -E rm -f ${unga_db} ${unga_db}-wal ${unga_db}-shm)
set_tests_properties("cli: setup unga database" PROPERTIES FIXTURES_SETUP unga_clean)
stance_cli_test(NAME "import-unga reads the fixture with its full codes"
    ARGS --db|${unga_db}|import-unga|tests/data/unga|--full-codes|tests/data/unga
    EXPECT "imported 14 roll calls in 12 sessions \\(13 voting days\\), 24 issue links, 199 countries\nvotes: 1452 yes, 164 no, 207 abstain; 99 absent, 752 not a member.*\nfull codes: 1316 positions agree with un_votes, 0 disagree"
    FIXTURES unga_clean)
set_tests_properties("cli: import-unga reads the fixture with its full codes" PROPERTIES FIXTURES_SETUP unga_db)

stance_cli_test(NAME "agreement per session as a table" FIXTURES unga_db ARGS --db|${unga_db}|agreement|Netherlands|US
    EXPECT "Netherlands \\(nld\\) and United States \\(usa\\): agreement.*\nunga-45 +1990-12-03 +1990-12-05 +2 +0 +0.0000 +0.0000 +0.0000\n.*\nall +14 +7 +0.5000 +0.2462 +0.1429")
stance_cli_test(NAME "agreement on an issue by year as csv" FIXTURES unga_db
    ARGS --db|${unga_db}|agreement|nld|usa|--topic|hr|--by|year|--format|csv
    EXPECT "^period,first_date,last_date,n,agree,share,kappa,s_score\n1979,1979-11-02,1979-11-02,2,2,1.0000,,1.0000\n"
    REJECT "unga-")
stance_cli_test(NAME "agreement as json names every figure" FIXTURES unga_db
    ARGS --db|${unga_db}|agreement|nld|usa|--format|json
    EXPECT "\"items\": .\n +\\{\n +\"period\": \"unga-1\",\n +\"label\": \"UN General Assembly, session 1\",\n +\"first_date\": \"1946-01-04\",\n +\"last_date\": \"1946-01-04\",\n +\"n\": 1,\n +\"agree\": 0,\n +\"share\": 0.0,"
    REJECT "E-[0-9]")
stance_cli_test(NAME "agreement-matrix of a session as csv" FIXTURES unga_db
    ARGS --db|${unga_db}|agreement-matrix|--session|45
    EXPECT "^first,second,n,agree,share,kappa,s_score\n.*\nnld,usa,2,0,0.0000,0.0000,0.0000\n")
stance_cli_test(NAME "agreement with an unknown country exits 4" FIXTURES unga_db
    ARGS --db|${unga_db}|agreement|nld|Atlantis CODE 4)
stance_cli_test(NAME "agreement-matrix needs a session or a meeting" FIXTURES unga_db
    ARGS --db|${unga_db}|agreement-matrix CODE 3 EXPECT "give either --session N")
stance_cli_test(NAME "import-unga of a directory without the tables is invalid input"
    ARGS --db|${STANCE_CLI_WORK}/unga-bad.db|import-unga|tests/cli CODE 3
    EXPECT "neither un_votes.csv.gz nor un_votes.csv is in this directory")
stance_cli_test(NAME "import-unga of a missing directory is a usage error"
    ARGS --db|${STANCE_CLI_WORK}/unga-bad.db|import-unga|no-such-directory CODE 2)
stance_cli_test(NAME "evolution finds votes by their roll call's issue without a flag" FIXTURES unga_db
    ARGS --db|${unga_db}|evolution|--actor|NL|--topic|me
    EXPECT "^Netherlands \\(nld\\) on Palestinian conflict \\(unga-me\\)\n11 direct statements")
stance_cli_test(NAME "evolution --summary-only gives the periods and shifts without the listing" FIXTURES unga_db
    ARGS --db|${unga_db}|evolution|--actor|NL|--topic|me|--by|session|--summary-only
    EXPECT "\nThe summary only \\(--summary-only\\): the stances themselves are not listed\\.\n.*\nSummary\n"
    REJECT "Own positions")
stance_cli_test(NAME "evolution --summary-only as json says so and lists no points" FIXTURES unga_db
    ARGS --db|${unga_db}|evolution|--actor|NL|--topic|me|--by|session|--summary-only|--format|json
    EXPECT "\"summary_only\": true,\n +\"points\": \\[\\],\n +\"inherited\": \\[\\],\n +\"periods\": \\[\n +\\{")
stance_cli_test(NAME "evolution --summary-only refuses csv, which lists the stances" FIXTURES unga_db
    ARGS --db|${unga_db}|evolution|--actor|NL|--topic|me|--summary-only|--format|csv CODE 3
    EXPECT "--format csv lists the stances")
stance_cli_test(NAME "agreement without unanimous roll calls" FIXTURES unga_db
    ARGS --db|${unga_db}|agreement|nld|usa|--exclude-unanimous|--by|none|--format|csv
    EXPECT "^period,first_date,last_date,n,agree,share,kappa,s_score\nall,,,14,7,")  # no roll call of the fixture is unanimous
stance_cli_test(NAME "agreement-matrix of every session streams one csv" FIXTURES unga_db
    ARGS --db|${unga_db}|agreement-matrix|--by|session
    EXPECT "^period,first,second,n,agree,share,kappa,s_score\nunga-1,.*\nunga-45,nld,usa,2,0,0.0000,0.0000,0.0000\n.*unga-74,"
    REJECT "\nperiod,")
