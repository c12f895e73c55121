# stance blocs on the small real UN fixture (tests/data/unga, imported by unga.cmake) and on the
# bundled coded statements (network.cmake's database): the formats, the methods, determinism, and
# the errors with their exit codes.
stance_cli_test(NAME "blocs votes: every session as csv, one row per member" FIXTURES unga_db
    ARGS --db|${unga_db}|blocs|votes|--all|--format|csv
    EXPECT "^period,bloc,size,actor,name\nunga-1,1,[0-9]+,[a-z]+,")
stance_cli_test(NAME "blocs votes: a range as text with stability and moves" FIXTURES unga_db
    ARGS --db|${unga_db}|blocs|votes|--session|44-46
    EXPECT "^blocs by louvain on share\n\n.*: [0-9]+ roll calls, [0-9]+ blocs, modularity .*\n  bloc 1 \\([0-9]+\\): .*\nstability: mean Jaccard.*\nactor +name +pairs +mean_jaccard +stayed +stayed_share\n.*\nmoves: co-member Jaccard below 0.5")
stance_cli_test(NAME "blocs votes: hierarchical cut into two blocs as json" FIXTURES unga_db
    ARGS --db|${unga_db}|blocs|votes|--session|45|--method|hierarchical|--blocs|2|--format|json
    EXPECT "^\\{\n +\"method\": \"hierarchical\",\n +\"weight\": \"share\",.*\"blocs\": 2,.*\"period\": \"unga-45\".*\"bloc\": 1,.*\"bloc\": 2,"
    REJECT "\"bloc\": 3,")
stance_cli_test(NAME "blocs votes: Leiden on kappa, the same output twice" FIXTURES unga_db
    SHELL "a=$($0 --db ${unga_db} blocs votes --all --method leiden -w kappa --format json) && b=$($0 --db ${unga_db} blocs votes --all --method leiden -w kappa --format json) && test \"$a\" = \"$b\" && echo identical"
    EXPECT "^identical\n$")
stance_cli_test(NAME "blocs votes: the moves table as csv" FIXTURES unga_db
    ARGS --db|${unga_db}|blocs|votes|--all|--format|csv|--table|moves
    EXPECT "^actor,name,from,to,jaccard,separating_total,roll_call,date,code,title,vote,old_bloc_vote\n")
stance_cli_test(NAME "blocs votes: without a choice of sessions exits 3" FIXTURES unga_db
    ARGS --db|${unga_db}|blocs|votes CODE 3 EXPECT "give either --session N or FIRST-LAST")
stance_cli_test(NAME "blocs votes: hierarchical without --blocs or --height exits 3" FIXTURES unga_db
    ARGS --db|${unga_db}|blocs|votes|--all|--method|hierarchical CODE 3
    EXPECT "hierarchical blocs need exactly one of --blocs K")
stance_cli_test(NAME "blocs votes: an unknown method exits 3" FIXTURES unga_db
    ARGS --db|${unga_db}|blocs|votes|--all|--method|kmeans CODE 3
    EXPECT "--method: \"kmeans\" is not one of louvain, leiden, hierarchical")
stance_cli_test(NAME "blocs votes: an unknown weight exits 3" FIXTURES unga_db
    ARGS --db|${unga_db}|blocs|votes|--all|-w|pearson CODE 3 EXPECT "--weight: \"pearson\" is not one of share, kappa, s")
stance_cli_test(NAME "blocs votes: a session not in the database exits 4" FIXTURES unga_db
    ARGS --db|${unga_db}|blocs|votes|--session|99 CODE 4 EXPECT "unga-99")
stance_cli_test(NAME "blocs without votes or statements is a usage error" ARGS blocs CODE 2)

stance_cli_test(NAME "blocs statements: congruence blocs of the bundled statements" FIXTURES network_db
    ARGS --db|${network_db}|blocs|statements|-n|jaccard
    EXPECT "bloc 1 \\([0-9]+\\): .*Netherlands \\(nld\\).*United States \\(usa\\)")
stance_cli_test(NAME "blocs statements: as csv" FIXTURES network_db
    ARGS --db|${network_db}|blocs|statements|--format|csv
    EXPECT "^period,bloc,size,actor,name\nall,1,")
stance_cli_test(NAME "blocs statements: a window without statements exits 3" FIXTURES network_db
    ARGS --db|${network_db}|blocs|statements|--from|1900-01-01|--to|1900-12-31 CODE 3
    EXPECT "no positive tie between actors")
