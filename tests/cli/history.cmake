# The history commands (edit, delete, history, undo) and stored suggestions (suggest --store,
# review) as a user runs them, one step after another on one database. Included from
# tests/cli/CMakeLists.txt.
set(history_db ${STANCE_CLI_WORK}/history.db)
add_test(NAME "cli: history: fresh database"
    COMMAND ${CMAKE_COMMAND} -E rm -f ${history_db} ${history_db}-wal ${history_db}-shm)
set_tests_properties("cli: history: fresh database" PROPERTIES FIXTURES_SETUP history_0)

# history_step(NAME <n> ARGS <a|b> ...): a test that runs after the previous step and before the next.
# A function, not a macro, so that the regular expressions' backslashes are read once.
set_property(GLOBAL PROPERTY history_step_count 0)
function(history_step)
    cmake_parse_arguments(S "" "NAME" "" ${ARGN})
    get_property(count GLOBAL PROPERTY history_step_count)
    math(EXPR next "${count} + 1")
    set_property(GLOBAL PROPERTY history_step_count ${next})
    stance_cli_test(NAME "history: ${S_NAME}" FIXTURES history_${count} ${S_UNPARSED_ARGUMENTS})
    set_tests_properties("cli: history: ${S_NAME}" PROPERTIES FIXTURES_SETUP history_${next})
endfunction()

history_step(NAME "an import is recorded" ARGS --db|${history_db}|--by|ana|import|examples/data/small-dataset.json)
history_step(NAME "history lists the import with who made it"
    ARGS --db|${history_db}|history EXPECT "1 +import +ana +[0-9T:-]+Z +[0-9]+ records +examples/data/small-dataset.json")
history_step(NAME "edit of an unknown stance is not found"
    ARGS --db|${history_db}|edit|no-such-stance|--note|x CODE 4 EXPECT "there is no stance \"no-such-stance\"")
history_step(NAME "an edit that breaks a write rule is refused"
    ARGS --db|${history_db}|edit|example-stance|--position|oppose|--score|0.5 CODE 3
    EXPECT "position oppose with score \\+0.5 is contradictory")
history_step(NAME "an edit with a bad position names the choices"
    ARGS --db|${history_db}|edit|example-stance|--position|against CODE 3 EXPECT "--position: \"against\" is not one of support")
history_step(NAME "an edit is recorded with the fields it changed"
    ARGS --db|${history_db}|--by|ben|edit|example-stance|--note|checked|--position|conditional
    EXPECT "2 +edit +ben .* stance example-stance +position: \"support\" → \"conditional\"; score: 1 → 0.5; note: \\(none\\) → \"checked\"")
history_step(NAME "a quote that is not in the document says where it differs"
    ARGS "--db|${history_db}|edit|example-stance|--quote|Hij benadrukte dat de EU" CODE 4 EXPECT "differs from the word \"EU\"")
history_step(NAME "a document with stances is not deleted"
    ARGS --db|${history_db}|delete|example-doc CODE 3
    EXPECT "document \"example-doc\": cannot be deleted while other records refer to it: 1 stances \\(example-stance\\)")
history_step(NAME "delete of an unknown id is not found" ARGS --db|${history_db}|delete|nothing-here CODE 4
    EXPECT "nothing has the id \"nothing-here\"")
history_step(NAME "a stance is deleted" ARGS --db|${history_db}|delete|example-stance
    EXPECT "deleted stance \"example-stance\" \\(change set 3; `stance undo 3` restores it\\)")
history_step(NAME "undoing the edit conflicts with the later delete"
    ARGS --db|${history_db}|undo|2 CODE 3
    EXPECT "refused, nothing was changed: 1 record was changed after it.*stance \"example-stance\" was changed since by change set 3 \\(delete by")
history_step(NAME "undo of an unknown change set is not found" ARGS --db|${history_db}|undo|99 CODE 4
    EXPECT "there is no change set 99")
history_step(NAME "the delete is undone" ARGS --db|${history_db}|undo|3 EXPECT "undid change set 3 \\(recorded as change set 4\\)")
history_step(NAME "a second undo of the same change set is refused" ARGS --db|${history_db}|undo|3 CODE 3
    EXPECT "was already undone by change set 4")
history_step(NAME "history of a stance shows how it came to be"
    ARGS --db|${history_db}|history|example-stance
    EXPECT "4 +undo .*created\n3 +delete .*deleted\n2 +edit .*position.*\n1 +import .*created")
history_step(NAME "history of one change set as csv" ARGS --db|${history_db}|history|--change|3|-f|csv
    EXPECT "^change_set,action,by,at,record,change\n3,delete,")
history_step(NAME "history of an id never written is not found" ARGS --db|${history_db}|history|nobody CODE 4
    EXPECT "the history records no change to \"nobody\"")
history_step(NAME "review lists nothing before suggestions are stored" ARGS --db|${history_db}|review EXPECT "0 suggestions")
history_step(NAME "suggest --store needs the document in the database"
    ARGS --db|${history_db}|suggest|no-such-document|--store CODE 4 EXPECT "document \"no-such-document\" is not in the database")
history_step(NAME "suggest --store stores the candidates"
    ARGS --db|${history_db}|suggest|example-doc|--store|-l|nl
    EXPECT "example-doc: [1-9][0-9]* suggestions stored, 0 open ones of an earlier run replaced")
history_step(NAME "review lists the open suggestions" ARGS --db|${history_db}|review|--document|example-doc
    EXPECT "1 +example-doc +\\[[0-9]+, [0-9]+\\) .* open")
history_step(NAME "reject needs a reason" ARGS --db|${history_db}|review|reject|1 CODE 2 EXPECT "--reason is required")
history_step(NAME "accept of an unknown suggestion is not found" ARGS --db|${history_db}|review|accept|999 CODE 4
    EXPECT "there is no suggestion 999")
history_step(NAME "accept writes a stance from the suggestion"
    ARGS --db|${history_db}|--by|cleo|review|accept|1|--topic|transatlantic-relations|--id|from-suggestion
    EXPECT "suggestion 1 is now stance \"from-suggestion\"")
history_step(NAME "an accepted suggestion is not accepted twice"
    ARGS --db|${history_db}|review|accept|1 CODE 3 EXPECT "suggestion 1: was already edited by cleo")
history_step(NAME "the accepted stance's history names the suggestion"
    ARGS --db|${history_db}|history|--limit|1 EXPECT "review +cleo .*suggestion 1 edited as stance \"from-suggestion\"")
