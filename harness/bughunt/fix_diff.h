// harness/bughunt/fix_diff.h — the lesson as a patch: the fix as a unified
// diff of the broken program.
#pragma once

#include <string>

#include "harness/bughunt/context.h"

namespace bughunt {

// `diff -u` from c's bug file to its fix, labelled with their paths in the
// repository. Throws Stop when diff fails.
std::string fix_diff(const Context& ctx, const Case& c);

}  // namespace bughunt
