# Debian's hardening flags (stack protector, _FORTIFY_SOURCE, format checks, RELRO, BIND_NOW)
# as dpkg-buildflags gives them, for every target: what lintian's hardening checks look for.
# Optimisation and debug flags stay with the build type; _FORTIFY_SOURCE needs optimisation,
# so Debug builds (and the sanitizer and fuzzing builds) go without.
option(SPARK_HARDENING "Compile and link with the flags of dpkg-buildflags (hardening=+all)" ON)
if(NOT SPARK_HARDENING OR SPARK_SANITIZE OR SPARK_FUZZ)
  return()
endif()
find_program(DPKG_BUILDFLAGS_EXECUTABLE dpkg-buildflags)
if(NOT DPKG_BUILDFLAGS_EXECUTABLE)
  message(STATUS "dpkg-buildflags not found: building without Debian's hardening flags")
  return()
endif()
foreach(kind CPPFLAGS CXXFLAGS LDFLAGS)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env DEB_BUILD_MAINT_OPTIONS=hardening=+all
            ${DPKG_BUILDFLAGS_EXECUTABLE} --get ${kind}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} # -ffile-prefix-map: paths relative to the source
    OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  list(FILTER flags EXCLUDE REGEX "^-(g|O[0-9gs]?)$")
  if(kind STREQUAL "LDFLAGS")
    add_link_options(${flags})
  else()
    foreach(flag IN LISTS flags)
      add_compile_options($<$<NOT:$<CONFIG:Debug>>:${flag}>)
    endforeach()
  endif()
endforeach()
