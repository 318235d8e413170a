// Tests of running a child: the time limit, and the early stop after a fatal
// sanitizer report that the runtime does not exit from.
#include "harness/bughunt/process.h"

#include <gtest/gtest.h>

#include <chrono>

using bughunt::Outcome;

namespace {

// A run that stalls after a fatal sanitizer report is stopped soon after it,
// not at the time limit (TSan can hang in its handler after a stack overflow).
TEST(ProcessTest, StallAfterFatalReportIsStoppedEarly) {
  const auto started = std::chrono::steady_clock::now();
  const Outcome out = bughunt::run_process(
      {"sh", "-c", "echo '==1==ERROR: ThreadSanitizer: stack-overflow'; exec sleep 60"},
      std::chrono::seconds(120), {}, std::chrono::seconds(1));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(30));
  EXPECT_TRUE(out.hung_after_report);
  EXPECT_FALSE(out.timed_out);
  EXPECT_NE(out.exit_code, 0);
}

// Without a fatal report, only the time limit stops a stalled run.
TEST(ProcessTest, StallWithoutReportRunsToTheLimit) {
  const Outcome out = bughunt::run_process(
      {"sh", "-c", "echo 'WARNING: ThreadSanitizer: data race'; exec sleep 60"},
      std::chrono::seconds(2), {}, std::chrono::seconds(1));
  EXPECT_TRUE(out.timed_out);
  EXPECT_FALSE(out.hung_after_report);
}

// A program that cannot be started is an error, not a run that exits 127.
TEST(ProcessTest, MissingProgramThrows) {
  EXPECT_THROW(bughunt::run_process({"/nonexistent/program"}, std::chrono::seconds(5)),
               std::runtime_error);
}

}  // namespace
