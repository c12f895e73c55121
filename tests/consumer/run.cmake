# Configures, builds and runs the consumer project (tests/consumer) the way a user's would, then
# checks its output. Called by CTest with -D variables: MODE (find_package: install the built stance
# into a scratch prefix first; add_subdirectory: build stance from SOURCE_TREE inside the consumer),
# BUILD_DIR (stance's build tree), SOURCE_DIR (tests/consumer), SOURCE_TREE (stance's sources),
# WORK_DIR (scratch), DATASET.
file(REMOVE_RECURSE "${WORK_DIR}")
function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "failed: ${ARGN}\n${output}")
    endif()
    set(last_output "${output}" PARENT_SCOPE)
endfunction()
if(MODE STREQUAL "find_package")
    run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${WORK_DIR}/prefix")
    set(how -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
else()
    set(how -DSTANCE_SOURCE_DIR=${SOURCE_TREE})
endif()
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}" -B "${WORK_DIR}/build" ${how} -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build "${WORK_DIR}/build" -j2)
run("${WORK_DIR}/build/consumer" "${DATASET}")
message(STATUS "consumer output: ${last_output}")
# The evolution found the stance by the Dutch names, and the entity formatter printed it with its span.
if(NOT last_output MATCHES "usa support transatlantic-relations example-stance: usa support \\+1\\.00 on transatlantic-relations at example-meeting: \"[^\"]+\" \\(example-doc \\[[0-9]+, [0-9]+\\)\\)\nstance [0-9]+\\.[0-9]+\\.[0-9]+")
    message(FATAL_ERROR "unexpected consumer output: ${last_output}")
endif()
