# Cases.cmake — builds and registers every case listed in harness/cases/cases.json.
#
# The manifest is the one place a case is declared. For case NN with slug S
# and detector D (assert, asan or tsan) it expects three files:
#
#   bugs/NN_S.cpp              the broken program
#   fixes/NN_S.cpp             the same program, fixed
#   harness/cases/NN_S_test.cpp  the scenario both are linked with (its header,
#                                harness/cases/NN_S.h, is the interface)
#
# and makes six binaries, caseNN_{bug,fix}_{plain,asan,tsan}, and four tests:
#
#   caseNN.bug.<flavour of D>  passes when the bug fails with the declared text
#   caseNN.fix.plain|asan|tsan passes when the fix runs clean
#
# The bug binaries of the other two flavours are built only on request (the
# bughunt runner asks for them with `run N --flavour`), and so are both
# binaries of the untested flavours (caseNN_{bug,fix}_ubsan). In practice mode
# (below) each case also has caseNN_mine_{plain,asan,tsan}.

set(BUGHUNT_MANIFEST ${PROJECT_SOURCE_DIR}/harness/cases/cases.json)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${BUGHUNT_MANIFEST})
file(READ ${BUGHUNT_MANIFEST} manifest)

# The flavour whose build shows each detector's diagnostic.
set(BUGHUNT_DETECTOR_FLAVOUR_assert plain)
set(BUGHUNT_DETECTOR_FLAVOUR_asan asan)
set(BUGHUNT_DETECTOR_FLAVOUR_tsan tsan)

# Practice mode (-DBUGHUNT_PRACTICE=ON, a tree of its own that `bughunt check`
# configures beside this one): caseNN_mine_<flavour> links the scenario with
# the trainee's file. Its source is practice/caseNN.cpp in the build tree, one
# line that #includes the trainee's file wherever it is (bughunt writes it;
# until then it includes the bug), so the compiler and the sanitizers name the
# trainee's own file and line, and ninja's depfile sees every save.
option(BUGHUNT_PRACTICE "Build the trainee's programs (bughunt check)" OFF)
function(bughunt_practice_binary nn flavour bug)
  set(mine ${PROJECT_BINARY_DIR}/practice/case${nn}.cpp)
  if(NOT EXISTS ${mine})
    file(WRITE ${mine} "#include \"${bug}\"\n")
  endif()
  bughunt_test_binary(case${nn}_mine ${flavour} EXCLUDE_FROM_ALL ${ARGN} ${mine})
endfunction()

function(bughunt_case id slug detector expect)
  if(id LESS 10)
    set(nn 0${id})
  else()
    set(nn ${id})
  endif()
  set(bug ${PROJECT_SOURCE_DIR}/bugs/${nn}_${slug}.cpp)
  set(fix ${PROJECT_SOURCE_DIR}/fixes/${nn}_${slug}.cpp)
  set(test ${PROJECT_SOURCE_DIR}/harness/cases/${nn}_${slug}_test.cpp)
  foreach(file IN ITEMS ${bug} ${fix} ${test})
    if(NOT EXISTS ${file})
      message(FATAL_ERROR "case ${nn} (${slug}) is in the manifest, but ${file} is missing")
    endif()
  endforeach()
  if(NOT DEFINED BUGHUNT_DETECTOR_FLAVOUR_${detector})
    message(FATAL_ERROR "case ${nn}: unknown detector '${detector}' (assert, asan or tsan)")
  endif()
  set(shows ${BUGHUNT_DETECTOR_FLAVOUR_${detector}})
  set_property(GLOBAL APPEND PROPERTY BUGHUNT_BUILT_CASES ${nn}_${slug})

  foreach(flavour IN LISTS BUGHUNT_FLAVOURS)
    # The scenario is compiled once per flavour and linked with bug and fix.
    add_library(case${nn}_test_${flavour} OBJECT EXCLUDE_FROM_ALL ${test})
    target_link_libraries(case${nn}_test_${flavour} PRIVATE gtest_${flavour} harness)
    bughunt_flavour(case${nn}_test_${flavour} ${flavour})
    # The program's own file comes last, so it joins SOURCES.
    set(parts LIBS harness SOURCES $<TARGET_OBJECTS:case${nn}_test_${flavour}>
                                   $<TARGET_OBJECTS:bughunt_support_${flavour}>)

    if(BUGHUNT_PRACTICE AND flavour IN_LIST BUGHUNT_TESTED_FLAVOURS)
      bughunt_practice_binary(${nn} ${flavour} ${bug} ${parts})
    endif()
    if(NOT flavour IN_LIST BUGHUNT_TESTED_FLAVOURS)
      bughunt_test_binary(case${nn}_fix ${flavour} EXCLUDE_FROM_ALL ${parts} ${fix})
      bughunt_test_binary(case${nn}_bug ${flavour} EXCLUDE_FROM_ALL ${parts} ${bug})
      continue()
    endif()
    bughunt_test_binary(case${nn}_fix ${flavour} ${parts} ${fix})
    bughunt_expect(case${nn}.fix.${flavour} case${nn}_fix_${flavour} CLEAN)
    if(flavour STREQUAL shows)
      bughunt_test_binary(case${nn}_bug ${flavour} ${parts} ${bug})
      bughunt_expect(case${nn}.bug.${flavour} case${nn}_bug_${flavour} FAILS_WITH "${expect}")
    else()
      bughunt_test_binary(case${nn}_bug ${flavour} EXCLUDE_FROM_ALL ${parts} ${bug})
    endif()
  endforeach()
endfunction()

# BUGHUNT_CASES, a list of ids, narrows a build tree to those cases (for
# working on a few without building all); empty means every case.
set(BUGHUNT_CASES "" CACHE STRING "Case ids to build (empty: all)")

string(JSON case_count LENGTH "${manifest}" cases)
if(case_count GREATER 0)
  math(EXPR last "${case_count} - 1")
  foreach(i RANGE ${last})
    foreach(field IN ITEMS id slug detector expect)
      string(JSON ${field} GET "${manifest}" cases ${i} ${field})
    endforeach()
    if(NOT BUGHUNT_CASES OR id IN_LIST BUGHUNT_CASES)
      bughunt_case(${id} ${slug} ${detector} "${expect}")
    endif()
  endforeach()
endif()

# The cases this tree builds, one NN_slug a line: the command line refuses a
# manifest entry that is not among them rather than run another program.
get_property(built GLOBAL PROPERTY BUGHUNT_BUILT_CASES)
list(JOIN built "\n" built)
file(WRITE ${PROJECT_BINARY_DIR}/bughunt_cases.txt "${built}\n")
