// Tests of the detection matrix's classifier on canned report texts: what
// each detector prints when it catches a bug, when it stays silent, and when
// the program dies under it. The matrix itself is slow and runs only on
// request (`bughunt matrix`).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "harness/bughunt/matrix/matrix.h"
#include "harness/bughunt/testing/report_fixtures.h"

using bughunt::classify;
using bughunt::Finding;
using bughunt::Outcome;
using bughunt::ReportFormat;
using bughunt::Result;
using bughunt::Variant;
using bughunt::testing::kGtestFailure;

namespace {

Outcome run(int exit_code, std::string output, bool timed_out = false) {
  return {exit_code, timed_out, std::move(output)};
}

const char kTsanRace[] =
    "[ RUN      ] GreetingsTest.GreetingPrintedLaterStillNamesItsUser\n"
    "==================\n"
    "WARNING: ThreadSanitizer: data race (pid=4242)\n"
    "  Write of size 8 at 0x7b0c00000010 by thread T2:\n"
    "    #0 greetings::render bugs/02_deferred_greetings.cpp:23\n"
    "SUMMARY: ThreadSanitizer: data race bugs/02_deferred_greetings.cpp:23 in greetings::render\n"
    "==================\n"
    "ThreadSanitizer: reported 1 warnings\n";

// A sanitizer report is the detector's catch, and its first line is the evidence.
TEST(MatrixClassifyTest, SanitizerReportIsCaughtByReport) {
  const Finding f = classify(ReportFormat::kSanitizer, Variant::kBug, run(66, kTsanRace));
  EXPECT_EQ(f.result, Result::kReport);
  EXPECT_EQ(f.evidence, "WARNING: ThreadSanitizer: data race (pid=4242)");

  const Finding asan = classify(
      ReportFormat::kSanitizer, Variant::kBug,
      run(1,
          "=================================================================\n"
          "==77==ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000010 at pc\n"
          "READ of size 1 at 0x602000000010 thread T0\n"));
  EXPECT_EQ(asan.result, Result::kReport);
  EXPECT_EQ(asan.evidence,
            "ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000010 at pc");
}

// UBSan's one-line report counts, and so does a sanitizer's own crash report.
TEST(MatrixClassifyTest, UbsanLineAndSanitizerSegvAreReports) {
  const Finding ub = classify(
      ReportFormat::kSanitizer, Variant::kBug,
      run(1, "x.cpp:27:10: runtime error: member call on null pointer of type 'std::string'\n"));
  EXPECT_EQ(ub.result, Result::kReport);
  EXPECT_EQ(ub.evidence,
            "x.cpp:27:10: runtime error: member call on null pointer of type 'std::string'");

  const Finding segv = classify(ReportFormat::kSanitizer, Variant::kBug,
                                run(66,
                                    "ThreadSanitizer:DEADLYSIGNAL\n"
                                    "==9==ERROR: ThreadSanitizer: SEGV on unknown address "
                                    "0x000000000008 (pc 0x55 bp 0x7f sp 0x7f T9)\n"));
  EXPECT_EQ(segv.result, Result::kReport);
  EXPECT_EQ(segv.evidence.rfind("ERROR: ThreadSanitizer: SEGV", 0), 0u) << segv.evidence;
}

// No report but a failed check: caught by the assertion, with its message on one line.
TEST(MatrixClassifyTest, FailedCheckWithoutReportIsCaughtByAssertion) {
  for (ReportFormat tool :
       {ReportFormat::kSanitizer, ReportFormat::kValgrind, ReportFormat::kAssertion}) {
    const Finding f = classify(tool, Variant::kBug, run(1, kGtestFailure));
    EXPECT_EQ(f.result, Result::kAssertion);
    EXPECT_EQ(f.evidence,
              "harness/cases/01_greeter_test.cpp:21: Failure Expected equality of these "
              "values: second Which is: \"hello alicehello bob\" the greeting for bob carries "
              "alice's");
  }
  const Finding thrown = classify(ReportFormat::kAssertion, Variant::kBug,
                                  run(134,
                                      "terminate called after throwing an instance of "
                                      "'std::bad_any_cast'\n  what():  bad any_cast\n"));
  EXPECT_EQ(classify(ReportFormat::kAssertion, Variant::kBug,
                     run(134, "case: x.cpp:12: void f(): Assertion `n == 1' failed.\n"))
                .result,
            Result::kAssertion);
  EXPECT_EQ(thrown.result, Result::kAssertion);
  EXPECT_EQ(thrown.evidence,
            "terminate called after throwing an instance of 'std::bad_any_cast' what(): bad "
            "any_cast");
}

// A death with neither report nor failed check is a crash; a pass is a miss.
TEST(MatrixClassifyTest, SilentDeathIsCrashAndPassIsMissed) {
  const Finding segv =
      classify(ReportFormat::kAssertion, Variant::kBug, run(139, "[ RUN      ] T.t\n"));
  EXPECT_EQ(segv.result, Result::kCrash);
  EXPECT_EQ(segv.evidence, "killed by SIGSEGV");
  EXPECT_EQ(classify(ReportFormat::kSanitizer, Variant::kBug, run(3, "")).evidence,
            "exit status 3");
  // The C library's heap check is no detector's report, but it says more than the signal.
  const Finding glibc = classify(ReportFormat::kAssertion, Variant::kBug,
                                 run(134, "free(): double free detected in tcache 2\n"));
  EXPECT_EQ(glibc.result, Result::kCrash);
  EXPECT_EQ(glibc.evidence, "free(): double free detected in tcache 2");
  EXPECT_EQ(
      classify(ReportFormat::kSanitizer, Variant::kBug, run(0, "[  PASSED  ] 1 test.\n")).result,
      Result::kMissed);
  // The plain build has no report to give: sanitizer words in its output are the program's.
  EXPECT_EQ(classify(ReportFormat::kAssertion, Variant::kBug, run(0, "ThreadSanitizer\n")).result,
            Result::kMissed);
}

// A run stopped by the time limit is a timeout, unless the detector had reported before it hung.
TEST(MatrixClassifyTest, TimeLimitIsTimeoutUnlessReportedFirst) {
  EXPECT_EQ(classify(ReportFormat::kValgrind, Variant::kBug, run(137, "", true)).result,
            Result::kTimeout);
  EXPECT_EQ(classify(ReportFormat::kAssertion, Variant::kFix, run(137, "", true)).result,
            Result::kTimeout);
  const std::string overflow =
      "ThreadSanitizer:DEADLYSIGNAL\n"
      "==6431==ERROR: ThreadSanitizer: stack-overflow on address 0x7ffff947fff8 (pc 0x5558d41462cf "
      "bp 0x5558d40e842b sp 0x7ffff947ffd0 T6431)\n";
  const Finding hung = classify(ReportFormat::kSanitizer, Variant::kBug, run(137, overflow, true));
  EXPECT_EQ(hung.result, Result::kReport);
  EXPECT_EQ(hung.evidence.rfind("ERROR: ThreadSanitizer: stack-overflow", 0), 0u) << hung.evidence;
  EXPECT_EQ(classify(ReportFormat::kSanitizer, Variant::kFix, run(137, kTsanRace, true)).result,
            Result::kFalseAlarm);
}

// Memcheck's error counts even when the program then dies of it; the headline is the evidence.
TEST(MatrixClassifyTest, ValgrindErrorsCountEvenWhenTheProgramDies) {
  const Finding f = classify(ReportFormat::kValgrind, Variant::kBug,
                             run(139,
                                 "==14818== Memcheck, a memory error detector\n"
                                 "==14818== Command: build/gcc/case06_bug_plain\n"
                                 "==14818== \n"
                                 "==14818== Invalid write of size 8\n"
                                 "==14818==    at 0x110DF6: clear (basic_string.h:1175)\n"
                                 "==14818== Process terminating with default action of signal "
                                 "11 (SIGSEGV)\n"
                                 "==14818== ERROR SUMMARY: 1 errors from 1 contexts\n"));
  EXPECT_EQ(f.result, Result::kReport);
  EXPECT_EQ(f.evidence, "Invalid write of size 8");

  const Finding race = classify(ReportFormat::kValgrind, Variant::kBug,
                                run(99,
                                    "==5== ---Thread-Announcement----------\n"
                                    "==5== Thread #3 was created\n"
                                    "==5== Possible data race during read of size 8 at 0x4DE0 "
                                    "by thread #3\n"
                                    "==5== ERROR SUMMARY: 2 errors from 2 contexts\n"));
  EXPECT_EQ(race.result, Result::kReport);
  EXPECT_EQ(race.evidence, "Possible data race during read of size 8 at 0x4DE0 by thread #3");

  const Finding drd = classify(ReportFormat::kValgrind, Variant::kBug,
                               run(99,
                                   "==6== Thread 2:\n"
                                   "==6== Conflicting load by thread 2 at 0x0e5f size 4\n"
                                   "==6== ERROR SUMMARY: 1 errors from 1 contexts\n"));
  EXPECT_EQ(drd.evidence, "Conflicting load by thread 2 at 0x0e5f size 4");
}

// Under valgrind, a death it does not count as an error is a crash, told by valgrind's line.
TEST(MatrixClassifyTest, ValgrindWithoutErrorsButDeadIsCrash) {
  const Finding f = classify(ReportFormat::kValgrind, Variant::kBug,
                             run(139,
                                 "==1== Process terminating with default action of signal 11 "
                                 "(SIGSEGV)\n==1== ERROR SUMMARY: 0 errors from 0 contexts\n"));
  EXPECT_EQ(f.result, Result::kCrash);
  EXPECT_EQ(f.evidence, "Process terminating with default action of signal 11 (SIGSEGV)");
  // A tool's own internal assertion is the tool dying, not the scenario's check.
  const Finding tool_died = classify(
      ReportFormat::kValgrind, Variant::kBug,
      run(1, "drd: drd_malloc_wrappers.c:113 (handle_free): Assertion 'success' failed.\n"));
  EXPECT_EQ(tool_died.result, Result::kCrash);
  EXPECT_EQ(tool_died.evidence,
            "drd: drd_malloc_wrappers.c:113 (handle_free): Assertion 'success' failed.");
  EXPECT_EQ(classify(ReportFormat::kValgrind, Variant::kBug,
                     run(0, "==1== ERROR SUMMARY: 0 errors from 0 contexts\n"))
                .result,
            Result::kMissed);
}

// A fix is clean only when it passes with nothing reported; a report with exit 0 is a false alarm.
TEST(MatrixClassifyTest, FixIsCleanOrFalseAlarm) {
  EXPECT_EQ(
      classify(ReportFormat::kSanitizer, Variant::kFix, run(0, "[  PASSED  ] 1 test.\n")).result,
      Result::kClean);
  const Finding report = classify(ReportFormat::kSanitizer, Variant::kFix, run(0, kTsanRace));
  EXPECT_EQ(report.result, Result::kFalseAlarm);
  EXPECT_EQ(report.evidence, "WARNING: ThreadSanitizer: data race (pid=4242)");
  EXPECT_EQ(classify(ReportFormat::kValgrind, Variant::kFix,
                     run(99,
                         "==2== Possible data race during write of size 1 at 0x1 by thread "
                         "#1\n==2== ERROR SUMMARY: 1 errors from 1 contexts\n"))
                .result,
            Result::kFalseAlarm);
  const Finding dead = classify(ReportFormat::kAssertion, Variant::kFix, run(134, ""));
  EXPECT_EQ(dead.result, Result::kFalseAlarm);
  EXPECT_EQ(dead.evidence, "killed by SIGABRT");
}

}  // namespace
