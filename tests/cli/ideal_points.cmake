# stance ideal-points on the small real fixture (tests/data/unga, imported by unga.cmake): the three
# formats, the session choices, and the errors with their exit codes.
stance_cli_test(NAME "ideal-points of one session as csv" FIXTURES unga_db
    ARGS --db|${unga_db}|ideal-points|--session|45|--format|csv
    EXPECT "^session,actor,name,position,lower,upper,standard_error,votes\nunga-45,[a-z]+,[^\n]+,-?[0-9]+\\.[0-9]+,-?[0-9]+\\.[0-9]+,-?[0-9]+\\.[0-9]+,[0-9]+\\.[0-9]+,2\n"
    REJECT "unga-46")
stance_cli_test(NAME "ideal-points of every session as text, dynamic, the US as reference" FIXTURES unga_db
    ARGS --db|${unga_db}|ideal-points|--all|--actor|usa|--actor|Netherlands
    EXPECT "^dynamic ideal points, [0-9]+ sessions, [0-9]+ votes; reference usa; [0-9]+ EM and [0-9]+ Newton steps, converged \\(relative change [^,]+, largest gradient [^)]+\\)\nintervals: 95% Laplace.*\nunga-1 +nld +Netherlands.*\nunga-1 +usa +United States"
    REJECT "unga-1 +fra")
stance_cli_test(NAME "ideal-points as json with a bootstrap" FIXTURES unga_db
    ARGS --db|${unga_db}|ideal-points|--session|40-50|--model|static|--bootstrap|5|--format|json
    EXPECT "\"dynamic\": false,.*\"intervals\": \"bootstrap\",\n +\"bootstrap\": 5.*\"sessions\": .\n +\\{\n +\"session\": \"unga-4[0-9]\""
    REJECT "\"session\": \"unga-1\"")
stance_cli_test(NAME "ideal-points needs a choice of sessions" FIXTURES unga_db
    ARGS --db|${unga_db}|ideal-points CODE 3 EXPECT "give either --session N or FIRST-LAST")
stance_cli_test(NAME "ideal-points with a backward range is invalid input" FIXTURES unga_db
    ARGS --db|${unga_db}|ideal-points|--session|50-40 CODE 3 EXPECT "the range 50-40 runs backwards")
stance_cli_test(NAME "ideal-points with a session that is no number is invalid input" FIXTURES unga_db
    ARGS --db|${unga_db}|ideal-points|--session|seventy CODE 3 EXPECT "'seventy' is not a session number")
stance_cli_test(NAME "ideal-points of a session not in the database is not found" FIXTURES unga_db
    ARGS --db|${unga_db}|ideal-points|--session|99 CODE 4 EXPECT "unga-99")
stance_cli_test(NAME "ideal-points of a range without a session in the database is not found" FIXTURES unga_db
    ARGS --db|${unga_db}|ideal-points|--session|90-99 CODE 4 EXPECT "no session of 90-99 is in the database")
stance_cli_test(NAME "ideal-points with an unknown reference is not found" FIXTURES unga_db
    ARGS --db|${unga_db}|ideal-points|--all|--reference|Atlantis CODE 4)
stance_cli_test(NAME "ideal-points with one bootstrap replicate is invalid input" FIXTURES unga_db
    ARGS --db|${unga_db}|ideal-points|--all|--bootstrap|1 CODE 3 EXPECT "at least 2 replicates")
stance_cli_test(NAME "ideal-points with an interval level of 1.5 is invalid input" FIXTURES unga_db
    ARGS --db|${unga_db}|ideal-points|--all|--level|1.5 CODE 3 EXPECT "strictly between 0 and 1")
