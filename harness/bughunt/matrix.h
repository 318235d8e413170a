// harness/bughunt/matrix.h — the detection matrix: which tool catches which bug.
//
// Every case's bug and fix run under each detector: the sanitizers of clang
// and of GCC, Valgrind's memcheck, helgrind and drd, clang-tidy's checks, and
// the scenario's own assertions in the plain build. Each (case, variant,
// detector) cell is classified from what the run printed:
//
//   bug  report     the detector's own report (a sanitizer report, a valgrind
//                   error, a clang-tidy warning the fix does not have)
//        assertion  no report, but the scenario's assertion failed
//        crash      neither: the run died (a signal, an unexplained status)
//        missed     the run passed
//        timeout    stopped by the time limit with nothing reported
//   fix  clean      passed with nothing reported
//        false alarm  anything else
//
// run_matrix() builds what it needs, runs every cell and writes the table
// (Markdown and JSON). The classifier is separate so that tests can feed it
// canned report texts.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/bughunt/manifest.h"
#include "harness/bughunt/naming.h"
#include "harness/bughunt/process.h"

namespace bughunt {

// How a detector reports, and so how its output is read.
enum class ReportFormat {
  kSanitizer,  // a report on stderr: "ERROR: AddressSanitizer", "runtime error:", ...
  kValgrind,   // "==pid== Invalid read ..." and a non-zero ERROR SUMMARY
  kAssertion,  // no tool: the scenario's own checks in the plain build
  kClangTidy,  // static: "file:line:col: warning: ... [check]"
};

enum class Result { kReport, kAssertion, kCrash, kMissed, kTimeout, kClean, kFalseAlarm };

// "report", "assertion", "crash", "missed", "timeout", "clean", "false alarm".
std::string_view name(Result r);

// A caught bug: by the detector's report or by the scenario's assertion.
inline bool caught(Result r) { return r == Result::kReport || r == Result::kAssertion; }

struct Finding {
  Result result = Result::kMissed;
  std::string evidence;  // the first report line, or what the run showed instead
};

// Classifies one run of a dynamic detector (not clang-tidy: see classify_tidy).
Finding classify(ReportFormat tool, Variant variant, const Outcome& outcome);

// One clang-tidy warning on the file analysed.
struct TidyWarning {
  std::string headline;  // "bugs/02_x.cpp:24:3: warning: ... [check]"
  std::string check;     // "bugprone-use-after-move"
  std::string message;   // what it says, without place and check
};

// The warnings clang-tidy printed for `file` (the path as it appears in the
// output, or its tail): warnings in other files are not the case's.
std::vector<TidyWarning> tidy_warnings(std::string_view output, std::string_view file);

// A bug counts as caught when one of its warnings has no twin on the fix
// (same check, same message but for the names it quotes): a warning both
// carry says nothing about the bug, wherever the fix moved it and whatever it
// renamed. Any warning on a fix is a false alarm.
Finding classify_tidy(Variant variant, const Outcome& outcome, std::string_view file,
                      const std::vector<TidyWarning>& other_variant);

// The evidence line made comparable across runs: the source tree's prefix
// dropped, pids and large addresses masked (small ones, near null, kept).
std::string normalise_evidence(std::string_view line, std::string_view source_dir);

struct MatrixOptions {
  std::filesystem::path source_dir;
  std::filesystem::path clang_build;   // the tree this bughunt was built in
  std::filesystem::path gcc_build;     // configured with the gcc preset when missing
  std::filesystem::path markdown;      // empty: no Markdown file
  std::filesystem::path json;          // empty: no JSON file
  std::chrono::seconds limit{300};     // per cell
  std::vector<std::string> detectors;  // empty: all
  bool build = true;                   // configure and build what is missing
  // Builds targets in a tree, quietly; throws on failure.
  std::function<void(const std::filesystem::path&, const std::vector<std::string>&)> build_targets;
};

// The detector names, in column order.
std::vector<std::string> detector_names();

// Runs the matrix over `cases`; prints progress on stderr and the summary on
// stdout; writes the files asked for. Returns 0. Throws std::runtime_error
// when a tree cannot be configured or built, or a detector cannot be started.
int run_matrix(const std::vector<Case>& cases, const MatrixOptions& options);

}  // namespace bughunt
