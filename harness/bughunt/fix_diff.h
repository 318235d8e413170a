// harness/bughunt/fix_diff.h — the lesson as a patch: the fix as a unified
// diff of the broken program.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "harness/bughunt/context.h"

namespace bughunt {

// `diff -u` from the file `from` to the file `to`, labelled `from_label` and
// `to_label`, with `context` lines around each hunk; "" when they are the
// same. Throws Stop when diff fails.
std::string unified_diff(const std::filesystem::path& from, const std::string& from_label,
                         const std::filesystem::path& to, const std::string& to_label,
                         int context = 3);

// `diff -u` from c's bug file to its fix, labelled with their paths in the
// repository. Throws Stop when diff fails.
std::string fix_diff(const Context& ctx, const Case& c);

// One line of a unified diff as a terminal shows it: file headers bold, hunk
// headers cyan, added lines green, removed lines red, context as it is.
std::string coloured_diff_line(const Context& ctx, std::string_view line);

}  // namespace bughunt
