# Runs one command and checks its exit code and output. Called by CTest with -D variables:
# COMMAND (a ;-list), EXPECT_CODE (default 0), EXPECT_OUTPUT (regex over stdout+stderr, optional),
# REJECT_OUTPUT (regex that must not match, optional), WORKING_DIR (optional), STDOUT (a file to send
# standard output to, e.g. /dev/full, or "closed" to run with it closed), CREATE_FILE (a file written
# before the run), EXPECT_FILE / REJECT_FILE (a file that must / must not exist after it).
if(NOT DEFINED EXPECT_CODE)
    set(EXPECT_CODE 0)
endif()
if(NOT DEFINED WORKING_DIR)
    set(WORKING_DIR ".")
endif()
string(REPLACE "|" ";" command "${COMMAND}")
if(DEFINED CREATE_FILE)
    file(WRITE "${CREATE_FILE}" "left behind by an earlier run\n")
endif()
if(NOT DEFINED STDOUT)
    execute_process(COMMAND ${command} WORKING_DIRECTORY "${WORKING_DIR}"
        RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
elseif(STDOUT STREQUAL "closed")
    execute_process(COMMAND sh -c "exec \"$@\" >&-" sh ${command} WORKING_DIRECTORY "${WORKING_DIR}"
        RESULT_VARIABLE code ERROR_VARIABLE err)
else()
    execute_process(COMMAND ${command} WORKING_DIRECTORY "${WORKING_DIR}"
        RESULT_VARIABLE code OUTPUT_FILE "${STDOUT}" ERROR_VARIABLE err)
endif()
set(all "${out}${err}")
if(NOT code STREQUAL EXPECT_CODE)
    message(FATAL_ERROR "exit code ${code}, expected ${EXPECT_CODE}\ncommand: ${command}\noutput:\n${all}")
endif()
if(DEFINED EXPECT_OUTPUT AND NOT all MATCHES "${EXPECT_OUTPUT}")
    message(FATAL_ERROR "output does not match /${EXPECT_OUTPUT}/\ncommand: ${command}\noutput:\n${all}")
endif()
if(DEFINED REJECT_OUTPUT AND all MATCHES "${REJECT_OUTPUT}")
    message(FATAL_ERROR "output matches the rejected /${REJECT_OUTPUT}/\ncommand: ${command}\noutput:\n${all}")
endif()
if(DEFINED EXPECT_FILE AND NOT EXISTS "${EXPECT_FILE}")
    message(FATAL_ERROR "${EXPECT_FILE} does not exist after the run\ncommand: ${command}\noutput:\n${all}")
endif()
if(DEFINED REJECT_FILE AND EXISTS "${REJECT_FILE}")
    message(FATAL_ERROR "${REJECT_FILE} exists after the run\ncommand: ${command}\noutput:\n${all}")
endif()
