# Runs one command and checks its exit code and output. Called by CTest with -D variables:
# COMMAND (a ;-list), EXPECT_CODE (default 0), EXPECT_OUTPUT (regex over stdout+stderr, optional),
# REJECT_OUTPUT (regex that must not match, optional), WORKING_DIR (optional).
if(NOT DEFINED EXPECT_CODE)
    set(EXPECT_CODE 0)
endif()
if(NOT DEFINED WORKING_DIR)
    set(WORKING_DIR ".")
endif()
string(REPLACE "|" ";" command "${COMMAND}")
execute_process(COMMAND ${command} WORKING_DIRECTORY "${WORKING_DIR}"
    RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
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
