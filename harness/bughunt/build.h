// harness/bughunt/build.h — building the binaries a verb needs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "harness/bughunt/context.h"
#include "harness/bughunt/process.h"

namespace bughunt {

// Builds `targets` in the tree `dir`, quietly: a step count on a terminal,
// the build's own output only when it fails (then throws Stop, exit 2).
// Does nothing with --no-build.
void build(const Context& ctx, const std::filesystem::path& dir,
           const std::vector<std::string>& targets);

// Builds `targets` in `dir` as build() does, but hands back how the build
// ended (a failed build is an answer here: the trainee's compile error).
// Throws Stop only when cmake cannot be started.
Outcome try_build(const std::filesystem::path& dir, const std::vector<std::string>& targets);

// Configures the tree `dir` from `source_dir` with cmake's `options`
// ("-DNAME=VALUE", "-G", ...), quietly; throws Stop (exit 2) when it fails.
void configure(const std::filesystem::path& source_dir, const std::filesystem::path& dir,
               const std::vector<std::string>& options);

// The same, in the tree this bughunt was built in.
inline void build(const Context& ctx, const std::vector<std::string>& targets) {
  build(ctx, ctx.build_dir, targets);
}

// The build tree of a configure preset in CMakePresets.json: its binaryDir
// (inherited if need be) with ${sourceDir} and ${presetName} filled in.
// Throws Stop when the preset is missing.
std::filesystem::path preset_tree(const std::filesystem::path& source_dir,
                                  const std::string& preset);

}  // namespace bughunt
