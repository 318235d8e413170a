// harness/bughunt/runner.h — running one case binary as the verbs do.
#pragma once

#include <chrono>

#include "harness/bughunt/context.h"
#include "harness/bughunt/process.h"

namespace bughunt {

inline constexpr std::chrono::seconds kRunLimit{300};

// Runs the built binary of (c, v, f); streams its output to stdout when
// `echo` is set. Throws Stop when the binary is not built or not a program
// (binary_problem()).
Outcome run_case(const Context& ctx, const Case& c, Variant v, Flavour f, bool echo);

// Has the sanitizers colour their reports (for a terminal).
void colour_sanitizer_reports();

}  // namespace bughunt
