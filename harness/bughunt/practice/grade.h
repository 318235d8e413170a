// harness/bughunt/practice/grade.h — grading a trainee's fix.
//
// The trainee's file is built with the case's unchanged scenario, harness and
// pool, all from the repository, in a build tree of its own beside the
// command line's (build/dev-practice for build/dev: the main tree is never
// touched), in every tested flavour. Each build is then run, the detector's
// flavour first, until one fails:
//
//   does not compile  the compiler's first error, on the trainee's file and line
//   still broken      a run printed a report, failed a check, timed out, or
//                     cannot prove that the scenario ran (proof.h)
//   fixed             every flavour ran clean and GoogleTest's own report lists
//                     every test of the scenario as passed
//
// A fixed file's pool hits are set beside the reference fix's, from the
// counters in both reports: dropping the pool may be a fix, and the verdict
// says so.
//
// Checks of one tree take turns (a lock file in it), so two at once cannot
// build each other's files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "harness/bughunt/context.h"
#include "harness/bughunt/practice/workspace.h"
#include "harness/bughunt/process.h"

namespace bughunt {

enum class Grade { kDoesNotCompile, kStillBroken, kFixed };

struct FlavourRun {
  Flavour flavour = Flavour::kPlain;
  Outcome outcome;
  std::string problem;  // why the run does not pass; empty when it does
};

struct Graded {
  Grade grade = Grade::kStillBroken;
  std::string compile_error;        // kDoesNotCompile: the compiler's first error line
  std::filesystem::path build_log;  // the build's whole output
  std::vector<FlavourRun> runs;     // in the order run; unless kFixed, the last one failed
  // kFixed: gets that reused an idle object, in the plain run of the
  // trainee's file and of the reference fix (nullopt: not counted).
  std::optional<std::uint64_t> pool_hits;
  std::optional<std::uint64_t> reference_pool_hits;
};

// The practice build tree of the command line's tree.
std::filesystem::path practice_tree(const Context& ctx);

// Builds, runs and grades the trainee's copy of `c` in `ws`.
Graded grade(const Context& ctx, const Workspace& ws, const Case& c);

// The first error in a build's output: on `file` if any is, else any
// "error:" line (a link error). "error: the build failed" when none is found.
std::string first_error(std::string_view build_output, const std::filesystem::path& file);

}  // namespace bughunt
