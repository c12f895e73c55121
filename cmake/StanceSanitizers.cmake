# AddressSanitizer and UndefinedBehaviorSanitizer for the sanitize preset. The flags go on the
# library target and reach everything in this build that links it (tests, examples, CLI,
# benchmarks) through its usage requirements, but only in the build tree: an installed stance, or a
# parent project's own targets, are never compiled with them.
option(STANCE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

function(stance_enable_sanitizers target)
    if(STANCE_SANITIZE)
        set(flags -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
        target_compile_options(${target} PUBLIC "$<BUILD_INTERFACE:${flags}>")
        target_link_options(${target} PUBLIC $<BUILD_INTERFACE:-fsanitize=address,undefined>)
    endif()
endfunction()
