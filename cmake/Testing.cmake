# Testing.cmake — test binaries and their registration with ctest.
#
# A test binary is a GoogleTest program in one flavour and nothing else: what
# it includes and links comes from its LIBS (pool, the harness support, ...).
# Every test is judged by bughunt_expect, the command line's own judge
# (harness/bughunt/expect_main.cpp), so ctest and `bughunt verify` read a
# run's output with the same report model.

# bughunt_test_binary(<name> <flavour> [EXCLUDE_FROM_ALL] SOURCES ... [LIBS ...])
# A GoogleTest binary <name>_<flavour>.
function(bughunt_test_binary name flavour)
  cmake_parse_arguments(ARG "EXCLUDE_FROM_ALL" "" "SOURCES;LIBS" ${ARGN})
  set(target ${name}_${flavour})
  if(ARG_EXCLUDE_FROM_ALL)
    add_executable(${target} EXCLUDE_FROM_ALL ${ARG_SOURCES})
  else()
    add_executable(${target} ${ARG_SOURCES})
  endif()
  target_link_libraries(${target} PRIVATE gtest_${flavour} ${ARG_LIBS})
  bughunt_flavour(${target} ${flavour})
endfunction()

# bughunt_expect(<test name> <binary target> CLEAN | FAILS_WITH <text>)
# Registers a ctest test: CLEAN passes on exit 0 with no sanitizer report;
# FAILS_WITH passes on a non-zero exit whose output contains <text> (a plain
# substring).
function(bughunt_expect test target)
  cmake_parse_arguments(ARG "CLEAN" "FAILS_WITH" "" ${ARGN})
  if(ARG_CLEAN)
    set(mode clean)
  else()
    set(mode fails-with "${ARG_FAILS_WITH}")
  endif()
  add_test(NAME ${test} COMMAND bughunt_expect ${mode} $<TARGET_FILE:${target}>)
endfunction()

# bughunt_add_test(<name> SOURCES ... [LIBS ...])
# A test binary in every tested flavour, each registered as <name>.<flavour>
# and expected to run clean.
function(bughunt_add_test name)
  foreach(flavour IN LISTS BUGHUNT_TESTED_FLAVOURS)
    bughunt_test_binary(${name} ${flavour} ${ARGN})
    bughunt_expect(${name}.${flavour} ${name}_${flavour} CLEAN)
  endforeach()
endfunction()
