# Warnings apply PRIVATE to each of our own targets, so they never leak into a consumer's build
# (and no warnings target has to be exported).
function(stance_enable_warnings target)
    target_compile_options(${target} PRIVATE
        $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow -Wnon-virtual-dtor>
        $<$<BOOL:${STANCE_WERROR}>:-Werror>)
endfunction()
