// harness/bughunt/practice/check.h — `bughunt check` and `bughunt watch`
// share this: grade the trainee's file, say what the grade means, and record it.
#pragma once

#include "harness/bughunt/context.h"
#include "harness/bughunt/practice/workspace.h"

namespace bughunt {

// The case `check [N]` means: N, else the one worked on last. Throws Stop
// when there is none.
const Case& case_to_check(const Context& ctx, const Workspace& ws, const std::string& id);

// Grades `c` and prints the verdict; records the case as worked on last, and
// as solved when fixed. Returns 0 when fixed, 1 when still broken and 2 when
// it does not compile (the compiler's first error, on stderr, as one line).
int check_and_tell(const Context& ctx, const Workspace& ws, const Case& c);

}  // namespace bughunt
