# expect.cmake — runs one test binary and judges its outcome.
#
#   cmake -DBINARY=<path> -DMODE=clean -P expect.cmake
#   cmake -DBINARY=<path> -DMODE=fails -DEXPECT=<text> -P expect.cmake
#
# clean: the binary exits 0 and prints no sanitizer report.
# fails: the binary exits non-zero AND prints <text> (a plain substring, not a
#        regular expression). A crash for another reason does not count.

execute_process(COMMAND ${BINARY} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
message("${out}")

set(report_pattern "(Address|Thread|Leak|UndefinedBehavior|Memory)Sanitizer|runtime error:")
if(MODE STREQUAL "clean")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "expected a clean run, got exit status ${rc}")
  endif()
  if(out MATCHES "${report_pattern}")
    message(FATAL_ERROR "expected a clean run, got a sanitizer report (${CMAKE_MATCH_0})")
  endif()
elseif(MODE STREQUAL "fails")
  if(rc EQUAL 0)
    message(FATAL_ERROR "expected a failure showing \"${EXPECT}\", but the run passed")
  endif()
  string(FIND "${out}" "${EXPECT}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "exit status ${rc}, but the output lacks the declared \"${EXPECT}\"")
  endif()
  message("failed as declared: ${EXPECT}")
else()
  message(FATAL_ERROR "MODE must be clean or fails, not '${MODE}'")
endif()
