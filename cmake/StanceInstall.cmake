# Installs the library, headers and CLI, and exports stance::stance for find_package(stance CONFIG).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(STANCE_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/stance")

install(TARGETS stance EXPORT stanceTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/stance" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES "${PROJECT_BINARY_DIR}/include/stance/version.hpp" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/stance)
if(TARGET stance_cli)
    install(TARGETS stance_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    # The cue lexicons of `stance suggest`, found there by the installed binary.
    install(DIRECTORY "${PROJECT_SOURCE_DIR}/data/lexicons" DESTINATION ${CMAKE_INSTALL_DATADIR}/stance)
endif()

install(EXPORT stanceTargets NAMESPACE stance:: DESTINATION ${STANCE_CMAKE_DIR})
export(EXPORT stanceTargets NAMESPACE stance:: FILE "${PROJECT_BINARY_DIR}/stanceTargets.cmake")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/stanceConfig.cmake.in"
    "${PROJECT_BINARY_DIR}/stanceConfig.cmake" INSTALL_DESTINATION ${STANCE_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/stanceConfigVersion.cmake" COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/stanceConfig.cmake" "${PROJECT_BINARY_DIR}/stanceConfigVersion.cmake"
    DESTINATION ${STANCE_CMAKE_DIR})
