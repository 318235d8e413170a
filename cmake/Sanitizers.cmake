# Sanitizers.cmake — the three flavours every test binary is built in.
#
#   plain  the build type's flags, no sanitizer
#   asan   AddressSanitizer + LeakSanitizer + UndefinedBehaviorSanitizer
#   tsan   ThreadSanitizer
#
# One build tree holds all three: a target carries its flavour in its name
# (pool_test_asan), so one configure, one build and one ctest run cover them
# all, and the command line can build exactly the binary it needs.
#
# One more flavour is built only on request and never tested (the detection
# matrix, `bughunt matrix`, asks for it):
#
#   ubsan  UndefinedBehaviorSanitizer alone

set(BUGHUNT_FLAVOURS plain asan tsan)
set(BUGHUNT_EXTRA_FLAVOURS ubsan)

set(BUGHUNT_FLAGS_plain "")
set(BUGHUNT_FLAGS_asan -O1 -fno-omit-frame-pointer -fsanitize=address,undefined
                       -fno-sanitize-recover=all)
set(BUGHUNT_FLAGS_tsan -O1 -fno-omit-frame-pointer -fsanitize=thread)
set(BUGHUNT_FLAGS_ubsan -O1 -fno-omit-frame-pointer -fsanitize=undefined -fno-sanitize-recover=all)

# bughunt_flavour(<target> <flavour>): compile and link <target> in <flavour>.
function(bughunt_flavour target flavour)
  if(NOT flavour IN_LIST BUGHUNT_FLAVOURS AND NOT flavour IN_LIST BUGHUNT_EXTRA_FLAVOURS)
    message(FATAL_ERROR "unknown flavour '${flavour}' (known: ${BUGHUNT_FLAVOURS} ${BUGHUNT_EXTRA_FLAVOURS})")
  endif()
  target_compile_options(${target} PRIVATE ${BUGHUNT_FLAGS_${flavour}})
  target_link_options(${target} PRIVATE ${BUGHUNT_FLAGS_${flavour}})
  target_compile_definitions(${target} PRIVATE BUGHUNT_FLAVOUR_${flavour}=1)
endfunction()

# GoogleTest is built from Debian's sources once per flavour, so that the
# sanitizers see its code too (an uninstrumented gtest hides its memory from
# ASan and its synchronisation from TSan).
find_path(BUGHUNT_GTEST_SRC src/gtest-all.cc
          PATHS /usr/src/googletest/googletest /usr/src/gtest REQUIRED)
foreach(flavour IN LISTS BUGHUNT_FLAVOURS BUGHUNT_EXTRA_FLAVOURS)
  add_library(gtest_${flavour} STATIC EXCLUDE_FROM_ALL
              ${BUGHUNT_GTEST_SRC}/src/gtest-all.cc ${BUGHUNT_GTEST_SRC}/src/gtest_main.cc)
  target_include_directories(gtest_${flavour} SYSTEM PUBLIC ${BUGHUNT_GTEST_SRC}/include
                             PRIVATE ${BUGHUNT_GTEST_SRC})
  target_link_libraries(gtest_${flavour} PUBLIC Threads::Threads)
  bughunt_flavour(gtest_${flavour} ${flavour})

  # What every test binary links besides its own sources: the sanitizer
  # defaults and the heap figures, compiled once per flavour. Objects, not a
  # static library, so that the default-options hooks are always linked in.
  add_library(bughunt_support_${flavour} OBJECT EXCLUDE_FROM_ALL
              ${PROJECT_SOURCE_DIR}/harness/sanitizer_options.cpp ${PROJECT_SOURCE_DIR}/harness/heap.cpp)
  target_link_libraries(bughunt_support_${flavour} PRIVATE bughunt_harness)
  bughunt_flavour(bughunt_support_${flavour} ${flavour})
endforeach()

# bughunt_test_binary(<name> <flavour> [EXCLUDE_FROM_ALL] SOURCES ... [LIBS ...])
# A GoogleTest binary <name>_<flavour> with the project's defaults.
function(bughunt_test_binary name flavour)
  cmake_parse_arguments(ARG "EXCLUDE_FROM_ALL" "" "SOURCES;LIBS" ${ARGN})
  set(target ${name}_${flavour})
  if(ARG_EXCLUDE_FROM_ALL)
    add_executable(${target} EXCLUDE_FROM_ALL ${ARG_SOURCES})
  else()
    add_executable(${target} ${ARG_SOURCES})
  endif()
  target_sources(${target} PRIVATE $<TARGET_OBJECTS:bughunt_support_${flavour}>)
  target_link_libraries(${target} PRIVATE gtest_${flavour} bughunt_harness ${ARG_LIBS})
  bughunt_flavour(${target} ${flavour})
endfunction()

# bughunt_expect(<test name> <binary target> CLEAN | FAILS_WITH <text>)
# Registers a ctest test judged by harness/expect.cmake: CLEAN passes on exit 0
# with no sanitizer report; FAILS_WITH passes on a non-zero exit whose output
# contains <text>.
function(bughunt_expect test target)
  cmake_parse_arguments(ARG "CLEAN" "FAILS_WITH" "" ${ARGN})
  if(ARG_CLEAN)
    set(mode -DMODE=clean)
  else()
    set(mode -DMODE=fails "-DEXPECT=${ARG_FAILS_WITH}")
  endif()
  add_test(NAME ${test}
           COMMAND ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:${target}> ${mode}
                   -P ${PROJECT_SOURCE_DIR}/harness/expect.cmake)
endfunction()

# bughunt_add_test(<name> SOURCES ... [LIBS ...])
# A test binary in every flavour, each registered as <name>.<flavour> and
# expected to run clean.
function(bughunt_add_test name)
  foreach(flavour IN LISTS BUGHUNT_FLAVOURS)
    bughunt_test_binary(${name} ${flavour} ${ARGN})
    bughunt_expect(${name}.${flavour} ${name}_${flavour} CLEAN)
  endforeach()
endfunction()
