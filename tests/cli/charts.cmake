# Charts and Markdown (docs/charts.md): the SVG files are well-formed (xmllint) and hold one mark per
# stance, the pole labels and the shift markers; the Markdown forms are tables that name the claim.
# Included from tests/cli/CMakeLists.txt after the seed, general-debate and UN databases are defined.
find_program(XMLLINT xmllint REQUIRED)  # Debian libxml2-utils, in scripts/install-deps.sh
set(chart_dir ${STANCE_CLI_WORK}/charts)
file(MAKE_DIRECTORY ${chart_dir})

# stance_chart_test(NAME <name> FIXTURES <f> ARGS <a|b> SVG <file> [EXPECT <re|;|re>] [MARK <re>]
#                   [MARKS <n> | COUNT_ARGS <a|b> COUNT_LINE <re>])
function(stance_chart_test)
    cmake_parse_arguments(T "" "NAME;FIXTURES;ARGS;SVG;EXPECT;MARK;MARKS;COUNT_ARGS;COUNT_LINE" "" ${ARGN})
    set(defs -DCOMMAND=$<TARGET_FILE:stance_cli>|${T_ARGS} -DSVG=${chart_dir}/${T_SVG} -DXMLLINT=${XMLLINT}
             -DWORKING_DIR=${PROJECT_SOURCE_DIR})
    if(DEFINED T_EXPECT)
        list(APPEND defs "-DEXPECT=${T_EXPECT}")
    endif()
    if(DEFINED T_MARK)
        list(APPEND defs "-DMARK=${T_MARK}")
    endif()
    if(DEFINED T_MARKS)
        list(APPEND defs -DMARKS=${T_MARKS})
    endif()
    if(DEFINED T_COUNT_ARGS)
        list(APPEND defs -DCOUNT_COMMAND=$<TARGET_FILE:stance_cli>|${T_COUNT_ARGS} "-DCOUNT_LINE=${T_COUNT_LINE}")
    endif()
    add_test(NAME "cli: ${T_NAME}" COMMAND ${CMAKE_COMMAND} ${defs} -P ${CMAKE_CURRENT_SOURCE_DIR}/check_chart.cmake)
    set_tests_properties("cli: ${T_NAME}" PROPERTIES FIXTURES_REQUIRED ${T_FIXTURES})
endfunction()

# One mark per stance the query lists (its CSV has one row per stance, each starting with the date).
set(evolution_mark "class=\"mark (own|inherited)\"")
set(csv_row "\n[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9],")
stance_chart_test(NAME "evolution svg of the seed: one mark per stance" FIXTURES seed_db SVG seed-evolution.svg
    ARGS --db|${seed_db}|evolution|--actor|Nederland|--topic|Rusland|--format|svg
    MARK ${evolution_mark} COUNT_ARGS --db|${seed_db}|evolution|--actor|Nederland|--topic|Rusland|--format|csv
    COUNT_LINE ${csv_row}
    EXPECT "<title>Evolution of Netherlands on Russia</title>|;|<title>2017-03-31 · support \\(\\+1.00\\) on: [^<]+ · &quot;[^<]+&quot; \\[nld-|;|<g class=\"stance\" data-stance=\"nld-[^\"]+\">\n<(circle|polygon|rect) ")
stance_chart_test(NAME "evolution svg of the general debate: pole labels, periods and shifts" FIXTURES gd_west_db
    SVG nld-russia-by-year.svg
    ARGS --db|${gd_west_db}|evolution|--actor|Nederland|--topic|Rusland|--by|year|--format|svg
    MARK ${evolution_mark} COUNT_ARGS --db|${gd_west_db}|evolution|--actor|Nederland|--topic|Rusland|--by|year|--format|csv
    COUNT_LINE ${csv_row}
    EXPECT "class=\"tick\">\\+1 pressure on Russia<|;|class=\"tick\">−1 engagement with Russia<|;|<g class=\"shift\">\n<line [^>]+><title>shift \\(scale\\) from 20[0-9][0-9] to 20[0-9][0-9]|;|class=\"period\"><title>20[0-9][0-9]: [^<]+spread")
stance_chart_test(NAME "evolution svg of votes: squares for votes" FIXTURES unga_db SVG nld-me-votes.svg
    ARGS --db|${unga_db}|evolution|--actor|NL|--topic|me|--format|svg
    MARK "<rect [^>]+class=\"mark own\"" COUNT_ARGS --db|${unga_db}|evolution|--actor|NL|--topic|me|--format|csv
    COUNT_LINE ${csv_row} EXPECT "vote \\(square\\)")
stance_chart_test(NAME "agreement svg: one point per session with roll calls in common" FIXTURES unga_db
    SVG nld-usa-agreement.svg ARGS --db|${unga_db}|agreement|nld|usa|--format|svg
    MARK "class=\"point\"" COUNT_ARGS --db|${unga_db}|agreement|nld|usa|--format|csv
    COUNT_LINE "\nunga-[0-9]+,[^,]*,[^,]*,[1-9]"
    EXPECT "class=\"overall\"><title>overall: share 0.50 \\(7 of 14 roll calls alike\\)")
stance_chart_test(NAME "agreement-matrix svg of a session: a heatmap of every pair" FIXTURES unga_db
    SVG unga-45-matrix.svg ARGS --db|${unga_db}|agreement-matrix|--session|45|--format|svg
    MARK "h[0-9.]+v[0-9.]+h-[0-9.]+z" MARKS 23409  # a square per pair: 153 voting actors at session 45 of the fixture, squared
    EXPECT "class=\"row-label\" data-actor=\"nld\" data-bloc=\"[1-9][0-9]*\">Netherlands<|;|class=\"bloc-label\" data-bloc=\"2\">bloc 2 \\([1-9][0-9]*\\)<|;|Voting agreement at UN General Assembly, session 45|;|<path d=\"M[^\"]+\" fill=\"#08306b\" class=\"shade\"><title>pairs that voted alike on about 100% of the roll calls")
stance_cli_test(NAME "agreement-matrix svg refuses every period at once" FIXTURES unga_db
    ARGS --db|${unga_db}|agreement-matrix|--by|session|--format|svg CODE 3 EXPECT "a heatmap draws one matrix")

# Markdown: tables that paste into a memo, every position next to its claim.
stance_cli_test(NAME "evolution as markdown" FIXTURES gd_west_db
    ARGS --db|${gd_west_db}|evolution|--actor|Nederland|--topic|Rusland|--by|year|--format|md
    EXPECT "^### Netherlands \\(nld\\) on Russia \\(russia\\)\n\nOn the scale \\*Russia\\*: \\+1 = pressure on Russia, −1 = engagement with Russia\\. [0-9]+ own positions.*\n\n\\| Date \\| Meeting \\| Position on the claim \\| On the scale \\| Basis \\| How \\| Quote \\| Source \\|\n\\|( --- \\|)+\n\\| 20[0-9-]+ \\| [^|]+ \\| (support|oppose|concern|conditional|neutral|abstain) \\([-+][0-9.]+\\): [^|]+ \\|.*\n\\*\\*Periods\\*\\*\n\n\\| Period \\| Dates \\| Positions \\| Mean on the scale \\| Spread \\|.*\n\\*\\*Shifts\\*\\*\n\n\\| Shift \\| What moved \\|\n")
stance_cli_test(NAME "snapshot as markdown" FIXTURES seed_db ARGS --db|${seed_db}|snapshot|--meeting|2017-03-31|--format|md
    EXPECT "^### Meeting of the North Atlantic Council at the level of foreign ministers\n\nnac-fm-2017-03-31 · 2017-03-31 · [0-9]+ stances\n\n\\*\\*[^*]+\\*\\*\n\n\\| Actor \\| Position on the claim \\| Speaker \\| Quote \\| Source \\|\n\\| --- \\|.*\\| Ukraine \\(ukr\\) \\| support \\(\\+1.00\\): ")
stance_cli_test(NAME "compare as markdown" FIXTURES seed_db ARGS --db|${seed_db}|compare|Nederland|USA|--format|md
    EXPECT "^### Netherlands \\(nld\\) compared with United States \\(usa\\) on every topic\n\nAgree on [0-9]+.*\n\n\\| Claim \\| Verdict \\| Netherlands \\| United States \\|\n\\| --- \\| --- \\| --- \\| --- \\|\n\\| [^|]+ \\| (agree|diverge|only_first|only_second|neither) \\|")
stance_cli_test(NAME "agreement as markdown" FIXTURES unga_db ARGS --db|${unga_db}|agreement|nld|usa|--format|md
    EXPECT "^### Netherlands \\(nld\\) and United States \\(usa\\): agreement on roll calls both voted on\n\n\\| period \\| first_date \\| last_date \\| n \\| agree \\| share \\| kappa \\| s_score \\|\n\\| --- \\|.*\n\\| unga-45 \\| 1990-12-03 \\| 1990-12-05 \\| 2 \\| 0 \\| 0.0000 \\| 0.0000 \\| 0.0000 \\|\n.*\\| all \\|  \\|  \\| 14 \\| 7 \\| 0.5000 \\|")
stance_cli_test(NAME "agreement-matrix as markdown" FIXTURES unga_db
    ARGS --db|${unga_db}|agreement-matrix|--session|45|--format|md
    EXPECT "^### UN General Assembly, session 45: [0-9]+ roll calls, 153 voting actors, 11628 pairs\n\n\\| first \\| second \\| n \\|.*\n\\| nld \\| usa \\| 2 \\| 0 \\| 0.0000 \\| 0.0000 \\| 0.0000 \\|\n")
