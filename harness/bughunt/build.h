// harness/bughunt/build.h — building the binaries a verb needs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "harness/bughunt/context.h"
#include "harness/bughunt/process.h"

namespace bughunt {

// One configure or build at a time in a build tree: an flock(2) on the file
// .bughunt.lock in the tree, which scripts/bughunt takes too. Waits for the
// holder, saying so on stderr ("waiting for another bughunt to finish
// building..."); released when the object goes. Throws Stop when the tree
// cannot be written (a read-only checkout).
class TreeLock {
 public:
  explicit TreeLock(const std::filesystem::path& tree);
  ~TreeLock();
  TreeLock(const TreeLock&) = delete;
  TreeLock& operator=(const TreeLock&) = delete;

 private:
  int fd_;
};

// Why the tree `dir` cannot be built as it stands, or "" when it looks whole:
// not configured, build.ninja missing or empty, or a compiler id left empty
// by a configure step that was stopped or raced.
std::string tree_damage(const std::filesystem::path& dir);

// Configures `dir` with the configure preset `preset` when tree_damage()
// finds it wanting (afresh when it was configured before), saying why in
// one line; holds the tree's lock. Throws Stop when cmake fails.
void configure_tree(const std::filesystem::path& source_dir, const std::filesystem::path& dir,
                    const std::string& preset);

// Builds `targets` in the tree `dir`, quietly: a step count on a terminal,
// the build's own output only when it fails (then throws Stop, exit 2).
// Holds the tree's lock, and first repairs a damaged tree (configure_tree,
// with the preset whose binaryDir it is). Does nothing with --no-build.
void build(const Context& ctx, const std::filesystem::path& dir,
           const std::vector<std::string>& targets);

// Builds `targets` in `dir` as build() does, but hands back how the build
// ended (a failed build is an answer here: the trainee's compile error); the
// caller holds the tree's lock. Throws Stop only when cmake cannot be started.
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
