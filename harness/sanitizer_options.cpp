// Default sanitizer options, linked into every test binary so that ctest, the
// bughunt runner and a user running a binary by hand all see the same reports.
// Settings in ASAN_OPTIONS and friends still override these.

extern "C" {
// Stop at the first error: a case declares one diagnostic.
const char* __asan_default_options() { return "detect_leaks=1:halt_on_error=1"; }
const char* __ubsan_default_options() { return "print_stacktrace=1:halt_on_error=1"; }
// Report every race, then exit non-zero (66) at the end of the run.
const char* __tsan_default_options() { return "second_deadlock_stack=1"; }
}
