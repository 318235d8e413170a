// harness/bughunt/process.h — running the build and the case binaries.
#pragma once

#include <chrono>
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

// Runs argv[0] with its arguments, stdout and stderr merged into one pipe.
// Each chunk of output is passed to `on_output` as it arrives (to stream a
// report while it is written). The child is killed after `limit`, or
// `after_fatal_report` after it printed a sanitizer's fatal "ERROR: ...Sanitizer"
// line: the run has then said what it had to say, and a runtime that does not
// exit (TSan can deadlock in its own handler after a stack overflow) would
// otherwise hold the caller until `limit`. Throws std::runtime_error when the
// program cannot be started.
inline constexpr std::chrono::seconds kAfterFatalReport{15};  // symbolizing, then exiting
Outcome run_process(const std::vector<std::string>& argv, std::chrono::seconds limit,
                    const std::function<void(std::string_view)>& on_output = {},
                    std::chrono::seconds after_fatal_report = kAfterFatalReport);

}  // namespace bughunt
