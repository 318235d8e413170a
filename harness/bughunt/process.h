// harness/bughunt/process.h — running the build and the case binaries.
//
// Every child runs in its own process group, so a time-out can stop it with
// its threads and children. The terminal's Ctrl-C reaches only bughunt's own
// group: forward_stop_signals() passes INT, TERM and HUP on to the child's
// group, and an interrupted run_process() throws Interrupted once nothing of
// that group is left.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace bughunt {

// How a run ended, and what it printed.
struct Outcome {
  int exit_code = 0;               // the exit status; 128+N when killed by signal N
  bool timed_out = false;          // stopped by the time limit
  std::string output;              // stdout and stderr together, colour codes removed
  bool hung_after_report = false;  // stopped because it did not exit after a fatal report
};

// A stop signal (SIGINT, SIGTERM, SIGHUP) that ended a run. main() catches it
// after the stack is unwound and dies of the same signal, as a shell expects
// (exit status 128+N: 130 for Ctrl-C, 143 for TERM). Not a std::exception, so
// no handler of ordinary errors swallows it.
struct Interrupted {
  int signal;
};

// From now on a stop signal is passed to the group of the child run_process()
// runs; when the group has not ended within `grace`, it is killed. With no
// child running, the signal ends bughunt at once. A signal ignored when
// bughunt started stays ignored (a shell's background job). Call once, early.
inline constexpr std::chrono::milliseconds kStopGrace{2000};
void forward_stop_signals(std::chrono::milliseconds grace = kStopGrace);

// Dies of `signal` with its default action (after an Interrupted was caught).
[[noreturn]] void die_of(int signal);

// What keeps `path` from being run as a built program ("is empty", "is not
// executable", "is not an ELF file", ...), or "" when nothing does. Checked
// before a case binary runs: execvp() hands a file it cannot execute to
// /bin/sh, and a zero-byte "binary" would then run clean.
std::string binary_problem(const std::filesystem::path& path);

// Runs argv[0] with its arguments, stdout and stderr merged into one pipe.
// Each chunk of output is passed to `on_output` as it arrives (to stream a
// report while it is written). The child is killed after `limit`, or
// `after_fatal_report` after it printed a sanitizer's fatal "ERROR: ...Sanitizer"
// line: the run has then said what it had to say, and a runtime that does not
// exit (TSan can deadlock in its own handler after a stack overflow) would
// otherwise hold the caller until `limit`. Throws std::runtime_error when the
// program cannot be started, Interrupted when a stop signal ended the run.
inline constexpr std::chrono::seconds kAfterFatalReport{15};  // symbolizing, then exiting
Outcome run_process(const std::vector<std::string>& argv, std::chrono::seconds limit,
                    const std::function<void(std::string_view)>& on_output = {},
                    std::chrono::seconds after_fatal_report = kAfterFatalReport);

}  // namespace bughunt
