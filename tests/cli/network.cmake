# stance network: discourse networks of the bundled statements and agreement networks of the UN
# fixture, written as GraphML, GEXF and CSV; every XML file checked with xmllint (libxml2-utils).
set(network_db ${STANCE_CLI_WORK}/network.db)
set(network_out ${STANCE_CLI_WORK}/network-files)
add_test(NAME "cli: setup network database"
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${network_db} ${network_db}-wal ${network_db}-shm ${network_out})
add_test(NAME "cli: import the seed and every general-debate file for the network tests"
    COMMAND ${CMAKE_COMMAND} -DCOMMAND=$<TARGET_FILE:stance_cli>|--db|${network_db}|import|data/seed/nato-2017-03-31.json|data/general-debate/nld-russia-ukraine.json|data/general-debate/usa-russia-ukraine.json|data/general-debate/gbr-russia-ukraine.json|data/general-debate/fra-russia-ukraine.json|data/general-debate/deu-russia-ukraine.json|data/general-debate/ukr-russia-ukraine.json|data/general-debate/rus-russia-ukraine.json|data/general-debate/chn-russia-ukraine.json
            -DWORKING_DIR=${PROJECT_SOURCE_DIR} "-DEXPECT_OUTPUT=chn-russia-ukraine.json: imported"
            -P ${CMAKE_CURRENT_SOURCE_DIR}/expect.cmake)
set_tests_properties("cli: setup network database" PROPERTIES FIXTURES_SETUP network_clean)
set_tests_properties("cli: import the seed and every general-debate file for the network tests" PROPERTIES
    FIXTURES_SETUP network_db FIXTURES_REQUIRED network_clean)

find_program(XMLLINT xmllint REQUIRED)

# NL-USA congruence without normalisation: 56 from 48 statements (tests/network/test_statement_network.cpp
# works it out from the coded stances).
stance_cli_test(NAME "network statements: congruence edge list, NL-USA 56 from 48 statements" FIXTURES network_db
    ARGS --db|${network_db}|network|statements|--format|csv
    EXPECT "^Source,Target,Type,Weight,statements,Slice,Start,End,raw_weight\n.*\nnld,usa,Undirected,56,48,,,,56\n")
stance_cli_test(NAME "network statements: jaccard congruence as GraphML passes xmllint" FIXTURES network_db
    SHELL "mkdir -p ${network_out} && $0 --db ${network_db} network statements -n jaccard -o ${network_out}/congruence.graphml && ${XMLLINT} --noout ${network_out}/congruence.graphml && grep -c '<edge ' ${network_out}/congruence.graphml"
    EXPECT "^[1-9][0-9]*\n$")
stance_cli_test(NAME "network statements: conflict per year as GEXF with spells passes xmllint" FIXTURES network_db
    SHELL "mkdir -p ${network_out} && $0 --db ${network_db} network statements -k conflict --slices year -f gexf -o ${network_out}/conflict.gexf && ${XMLLINT} --noout ${network_out}/conflict.gexf && grep -o 'mode=\"dynamic\" timeformat=\"date\"' ${network_out}/conflict.gexf && grep -c '<spell ' ${network_out}/conflict.gexf"
    EXPECT "mode=\"dynamic\" timeformat=\"date\"\n[1-9]")
stance_cli_test(NAME "network statements: two-mode GraphML on one topic passes xmllint" FIXTURES network_db
    SHELL "mkdir -p ${network_out} && $0 --db ${network_db} network statements -k two-mode -t Russia -f graphml > ${network_out}/two-mode.graphml && ${XMLLINT} --noout ${network_out}/two-mode.graphml && echo well-formed"
    EXPECT "^well-formed\n$")
stance_cli_test(NAME "network statements: node list with names and codes" FIXTURES network_db
    ARGS --db|${network_db}|network|statements|--format|csv-nodes
    EXPECT "^Id,Label,type,name,actor_kind,iso2,iso3\n.*\nnld,Netherlands,actor,Netherlands,state,NL,NLD\n")

# Error paths: what was wrong and what to give instead; nothing written.
stance_cli_test(NAME "network statements: an unknown normalisation exits 3" FIXTURES network_db
    ARGS --db|${network_db}|network|statements|-n|dice CODE 3
    EXPECT "--normalization: 'dice' is not one of none, average, jaccard, cosine")
stance_cli_test(NAME "network statements: a normalisation on a two-mode network exits 3" FIXTURES network_db
    ARGS --db|${network_db}|network|statements|-k|two-mode|-n|cosine CODE 3
    EXPECT "normalisation 'cosine' applies to congruence and conflict networks only")
stance_cli_test(NAME "network statements: an unknown format exits 3 and writes no file" FIXTURES network_db
    ARGS --db|${network_db}|network|statements|-f|pajek|-o|${network_out}/never.net CODE 3
    EXPECT "--format: 'pajek' is not one of graphml, gexf, csv, csv-nodes" REJECT_FILE ${network_out}/never.net)
stance_cli_test(NAME "network statements: --to before --from exits 3" FIXTURES network_db
    ARGS --db|${network_db}|network|statements|--from|2022-01-01|--to|2014-12-31 CODE 3)
stance_cli_test(NAME "network statements: an unknown topic exits 4" FIXTURES network_db
    ARGS --db|${network_db}|network|statements|-t|Atlantis CODE 4 EXPECT "Atlantis")
stance_cli_test(NAME "network without statements or votes is a usage error" ARGS network CODE 2)

# Votes: the UN fixture (unga.cmake imports it), written to a folder of their own: the statements
# tests' setup clears theirs, and the two groups may run at the same time.
set(network_votes_out ${STANCE_CLI_WORK}/network-votes)
stance_cli_test(NAME "network votes: a session's kappa network as GraphML passes xmllint" FIXTURES unga_db
    SHELL "mkdir -p ${network_votes_out} && $0 --db ${unga_db} network votes --session 45 -w kappa -o ${network_votes_out}/unga45.graphml && ${XMLLINT} --noout ${network_votes_out}/unga45.graphml && grep -o 'attr.name=\"roll_calls\"' ${network_votes_out}/unga45.graphml"
    EXPECT "attr.name=\"roll_calls\"")
stance_cli_test(NAME "network votes: every session as GEXF slices passes xmllint" FIXTURES unga_db
    SHELL "mkdir -p ${network_votes_out} && $0 --db ${unga_db} network votes --by session --threshold 0.5 -f gexf -o ${network_votes_out}/sessions.gexf && ${XMLLINT} --noout ${network_votes_out}/sessions.gexf && grep -c '<spell ' ${network_votes_out}/sessions.gexf"
    EXPECT "^[1-9][0-9]*\n$")
stance_cli_test(NAME "network votes: without a period exits 3" FIXTURES unga_db
    ARGS --db|${unga_db}|network|votes CODE 3 EXPECT "give exactly one of --session N, --meeting ID, or --by")
stance_cli_test(NAME "network votes: an unknown weight exits 3" FIXTURES unga_db
    ARGS --db|${unga_db}|network|votes|--session|45|-w|pearson CODE 3
    EXPECT "--weight: 'pearson' is not one of share, kappa, s")

# Opening the files as the tools do, as far as can be checked here: NetworkX (Debian's
# python3-networkx) reads the GraphML; graphology's parsers (tests/readers, from npm; graphology-gexf
# is the GEXF import of Gephi Lite) read the GraphML and the GEXF. Each reader must find as many
# nodes and edges as the CSV node and edge lists of the same network hold, and the named node
# attributes (bloc, ideal point, ISO code). The published XSDs: at the end of this file.
find_program(DEBIAN_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
find_program(NODE node REQUIRED)
set(readers ${PROJECT_SOURCE_DIR}/tests/readers)
set(read_checks "n=$(($(wc -l < $d/nodes.csv) - 1)) && e=$(($(wc -l < $d/edges.csv) - 1)) && ${XMLLINT} --noout $d/net.graphml $d/net.gexf && ${DEBIAN_PYTHON} ${readers}/read_network.py $d/net.graphml graphml $n $e $attributes && ${NODE} ${readers}/read_network.js $d/net.graphml graphml $n $e $attributes && ${NODE} ${readers}/read_network.js $d/net.gexf gexf $n $e $attributes")
stance_cli_test(NAME "network votes: blocs and ideal points as node attributes, read by NetworkX and graphology" FIXTURES unga_db
    SHELL "d=${network_votes_out}/readers && mkdir -p $d && attributes='bloc ideal_point ideal_point_upper iso3' && w=\"$0 --db ${unga_db} network votes --session 45 --with-blocs --with-ideal-points\" && $w -f csv-nodes -o $d/nodes.csv && $w -f csv -o $d/edges.csv && $w -o $d/net.graphml && $w -f gexf -o $d/net.gexf && ${read_checks}"
    EXPECT "^graphml read: [1-9][0-9]* nodes, [1-9][0-9]* edges, attributes bloc ideal_point ideal_point_upper iso3\ngraphml read: .*\ngexf read: [1-9][0-9]* nodes")
stance_cli_test(NAME "network statements: congruence blocs as node attributes, read by NetworkX and graphology" FIXTURES network_db
    SHELL "d=${network_out}/readers && mkdir -p $d && attributes='bloc iso3' && w=\"$0 --db ${network_db} network statements -n jaccard --with-blocs\" && $w -f csv-nodes -o $d/nodes.csv && $w -f csv -o $d/edges.csv && $w -o $d/net.graphml && $w -f gexf -o $d/net.gexf && ${read_checks}"
    EXPECT "^graphml read: [1-9][0-9]* nodes, [1-9][0-9]* edges, attributes bloc iso3\ngraphml read: .*\ngexf read: ")
stance_cli_test(NAME "network votes: every session as GEXF slices, read by graphology" FIXTURES unga_db
    SHELL "d=${network_votes_out}/readers-slices && mkdir -p $d && $0 --db ${unga_db} network votes --by session --with-blocs -f gexf -o $d/net.gexf && $0 --db ${unga_db} network votes --by session -f csv-nodes -o $d/nodes.csv && n=$(($(wc -l < $d/nodes.csv) - 1)) && e=$(grep -c '<edge ' $d/net.gexf) && ${NODE} ${readers}/read_network.js $d/net.gexf gexf $n $e bloc"
    EXPECT "^gexf read: [1-9][0-9]* nodes, [1-9][0-9]* edges, attributes bloc\n$")
stance_cli_test(NAME "network votes: ideal points of a range of sessions exit 3" FIXTURES unga_db
    ARGS --db|${unga_db}|network|votes|--by|session|--with-ideal-points CODE 3
    EXPECT "a node holds one ideal point: give --session N or --meeting ID")
stance_cli_test(NAME "network statements: blocs of a conflict network exit 3" FIXTURES network_db
    ARGS --db|${network_db}|network|statements|-k|conflict|--with-blocs CODE 3
    EXPECT "blocs come from a congruence network")

# The published schemas, as far as they can be had here (docs/networks.md, "Checks"): GraphML and
# GEXF files of every kind stance writes, validated by xmllint against graphml.xsd and gexf.xsd
# (1.2draft: Debian has no 1.3 schema), which scripts/install-deps.sh takes out of Debian's
# libjgrapht-java into build/schemas; and damaged copies refused, so that the check is seen to fail.
# Skipped when the schemas are missing, except in CI (CI=true).
set(STANCE_SCHEMA_DIR "${PROJECT_SOURCE_DIR}/build/schemas" CACHE PATH
    "Where scripts/install-deps.sh put graphml.xsd and gexf.xsd")
set(validate ${PROJECT_SOURCE_DIR}/tests/readers/validate_schemas.sh)
set(schema_out ${STANCE_CLI_WORK}/network-schemas)
set(s "$0 --db ${network_db} network statements")
set(v "$0 --db ${unga_db} network votes")
set(o ${schema_out})
set(write_all "mkdir -p ${o} && ${s} -n jaccard --with-blocs -o ${o}/congruence.graphml && ${s} -n jaccard --with-blocs -f gexf -o ${o}/congruence.gexf && ${s} -k two-mode -o ${o}/two-mode.graphml && ${s} -k two-mode --slices year -f gexf -o ${o}/two-mode.gexf && ${s} -k conflict --slices year -f gexf -o ${o}/conflict.gexf && ${s} -n cosine --slices year --with-blocs -f gexf -o ${o}/blocs-by-year.gexf && ${v} --session 45 -w kappa --with-blocs --with-ideal-points -o ${o}/unga45.graphml && ${v} --session 45 --with-blocs --with-ideal-points -f gexf -o ${o}/unga45.gexf && ${v} --by session --threshold 0.5 -f gexf -o ${o}/sessions.gexf && ${v} --by session --with-blocs -f gexf -o ${o}/blocs-by-session.gexf")
add_test(NAME "cli: network files validate against the published GraphML and GEXF schemas"
    COMMAND sh -c "${write_all} && grep -c 'attvalue for=\"slice_bloc\" value=\"[0-9]*\" start=' ${o}/blocs-by-year.gexf ${o}/blocs-by-session.gexf && sh ${validate} ${STANCE_SCHEMA_DIR} valid ${o}/*.graphml ${o}/*.gexf"
        $<TARGET_FILE:stance_cli>)
set(damage "mkdir -p ${o}/damaged && sed 's/<spell /<spel /' ${o}/conflict.gexf > ${o}/damaged/spell.gexf && sed 's/ weight=\"/ weight=\"heavy/' ${o}/congruence.gexf > ${o}/damaged/weight.gexf && sed 's/<edge source=/<edge from=/' ${o}/congruence.graphml > ${o}/damaged/edge.graphml && sed 's/<data key=/<datum key=/' ${o}/two-mode.graphml > ${o}/damaged/data.graphml")
add_test(NAME "cli: damaged network files are refused by the schemas"
    COMMAND sh -c "${damage} && sh ${validate} ${STANCE_SCHEMA_DIR} invalid ${o}/damaged/spell.gexf ${o}/damaged/weight.gexf ${o}/damaged/edge.graphml ${o}/damaged/data.graphml"
        $<TARGET_FILE:stance_cli>)
set_tests_properties("cli: network files validate against the published GraphML and GEXF schemas" PROPERTIES
    SKIP_RETURN_CODE 77 FIXTURES_SETUP network_schema_files FIXTURES_REQUIRED "network_db;unga_db")
set_tests_properties("cli: damaged network files are refused by the schemas" PROPERTIES
    SKIP_RETURN_CODE 77 FIXTURES_REQUIRED network_schema_files)
