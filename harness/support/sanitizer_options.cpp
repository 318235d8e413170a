// Default sanitizer options, linked into every case binary so that ctest, the
// bughunt runner and a user running a binary by hand all see the same reports.
// Settings in ASAN_OPTIONS and friends still override these.
//
// BUGHUNT_SOURCE_DIR is the repository root with a trailing slash: dropping
// it makes a frame read "bugs/02_deferred_greetings.cpp:29:22", the same on every
// machine.

#define BUGHUNT_STRIP "strip_path_prefix=" BUGHUNT_SOURCE_DIR

extern "C" {
// Stop at the first error: a case declares one diagnostic.
const char* __asan_default_options() { return "detect_leaks=1:halt_on_error=1:" BUGHUNT_STRIP; }
const char* __lsan_default_options() { return BUGHUNT_STRIP; }
const char* __ubsan_default_options() {
  return "print_stacktrace=1:halt_on_error=1:" BUGHUNT_STRIP;
}
// Report every race, then exit non-zero (66) at the end of the run.
const char* __tsan_default_options() { return "second_deadlock_stack=1:" BUGHUNT_STRIP; }
}
