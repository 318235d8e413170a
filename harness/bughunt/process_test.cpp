// Tests of running a child: the time limit, the early stop after a fatal
// sanitizer report that the runtime does not exit from, and stop signals.
#include "harness/bughunt/process.h"

#include <gtest/gtest.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <string>

using bughunt::Outcome;

namespace {

// In a forked copy of this test: runs a child group with a background sleep
// that ignores SIGINT and says "ready" once it does; dies as bughunt's main()
// does. Returns the copy's pid.
pid_t start_interruptible_run(int ready_fd) {
  const pid_t runner = fork();
  if (runner != 0) return runner;
  bughunt::forward_stop_signals(std::chrono::milliseconds(200));
  try {
    bughunt::run_process({"sh", "-c", "(trap '' INT; echo ready; exec sleep 20) & exec sleep 20"},
                         std::chrono::seconds(60), [&](std::string_view text) {
                           (void)!write(ready_fd, text.data(), text.size());
                         });
  } catch (const bughunt::Interrupted& e) {
    bughunt::die_of(e.signal);
  }
  _exit(0);
}

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

// A stop signal is passed to the child's group, what survives it is killed
// after the grace period, and the runner dies of the signal: nothing of the
// group outlives it. This process is the subreaper, so every orphan of the
// group comes back here: each must have been killed, not have run to its end.
TEST(ProcessTest, StopSignalLeavesNoProcessOfTheGroup) {
  ASSERT_EQ(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
  for (int stop : {SIGINT, SIGTERM}) {
    int ready[2];
    ASSERT_EQ(pipe(ready), 0);
    const pid_t runner = start_interruptible_run(ready[1]);
    close(ready[1]);
    std::string said;
    for (char c; said.find("ready") == std::string::npos && read(ready[0], &c, 1) == 1;) said += c;
    close(ready[0]);
    ASSERT_NE(said.find("ready"), std::string::npos);
    const auto sent = std::chrono::steady_clock::now();
    kill(runner, stop);
    int status = 0;
    ASSERT_EQ(waitpid(runner, &status, 0), runner);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == stop) << status;
    int orphans = 0;
    for (pid_t pid; (pid = waitpid(-1, &status, 0)) > 0; ++orphans) {
      EXPECT_TRUE(WIFSIGNALED(status)) << "process " << pid << " outlived the run";
    }
    EXPECT_EQ(orphans, 1);  // the background sleep; the runner reaped the other
    EXPECT_LT(std::chrono::steady_clock::now() - sent, std::chrono::seconds(10));
  }
}

// A program that cannot be started is an error, not a run that exits 127.
TEST(ProcessTest, MissingProgramThrows) {
  EXPECT_THROW(bughunt::run_process({"/nonexistent/program"}, std::chrono::seconds(5)),
               std::runtime_error);
}

}  // namespace
