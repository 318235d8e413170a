// harness/bughunt/process.h — running the build and the case binaries.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/bughunt/verdict.h"

namespace bughunt {

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
