# Installs the built stance into a scratch prefix, then configures, builds and runs the consumer
# project against it with find_package(stance CONFIG). Called by CTest with -D variables:
# BUILD_DIR (stance's build tree), SOURCE_DIR (tests/consumer), WORK_DIR (scratch), DATASET.
file(REMOVE_RECURSE "${WORK_DIR}")
function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "failed: ${ARGN}\n${output}")
    endif()
    set(last_output "${output}" PARENT_SCOPE)
endfunction()
run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${WORK_DIR}/prefix")
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}" -B "${WORK_DIR}/build" -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build "${WORK_DIR}/build")
run("${WORK_DIR}/build/consumer" "${DATASET}")
message(STATUS "consumer output: ${last_output}")
if(NOT last_output MATCHES "usa support transatlantic-relations")
    message(FATAL_ERROR "unexpected consumer output: ${last_output}")
endif()
