// harness/bughunt/matrix/matrix.h — the detection matrix: which tool catches which bug.
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
// The parts, one file each: the detectors (detectors.cpp), classifying one
// run (classify.cpp), running every cell (run.cpp) and rendering the cells as
// Markdown, JSON and a terminal summary (render.cpp). Tests feed the
// classifier canned report texts and the renderers canned cells.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/bughunt/flavour.h"
#include "harness/bughunt/manifest.h"
#include "harness/bughunt/naming.h"
#include "harness/bughunt/process.h"

namespace bughunt {

// --- classifying one run (classify.cpp) --------------------------------------

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
Finding classify(ReportFormat format, Variant variant, const Outcome& outcome);

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

// --- the detectors (detectors.cpp) -------------------------------------------

// Which build tree a detector's binaries come from.
enum class Tree { kClang, kGcc };

struct MatrixDetector {
  std::string name;                  // the column
  std::string what;                  // one line for the reader
  ReportFormat format;               // how its output is read
  Tree tree;                         // which build tree its binaries come from
  Flavour flavour;                   // which flavour of the case binaries
  std::optional<Detector> home;      // the manifest detector whose own column it is
  std::vector<std::string> wrapper;  // runs the binary under it
  std::vector<std::string> needs;    // tools that must answer --version
};

// Every detector, in column order.
const std::vector<MatrixDetector>& detectors();
std::vector<std::string> detector_names();

// --- running every cell (run.cpp) --------------------------------------------

struct MatrixOptions {
  std::filesystem::path source_dir;
  std::filesystem::path clang_build;   // the tree this bughunt was built in
  std::filesystem::path gcc_build;     // configured with the gcc preset when missing
  std::chrono::seconds limit{300};     // per cell
  std::vector<std::string> detectors;  // empty: all
  bool build = true;                   // configure and build what is missing
  // Builds targets in a tree, quietly; throws on failure.
  std::function<void(const std::filesystem::path&, const std::vector<std::string>&)> build_targets;
};

struct Cell {
  int case_index = 0;  // into MatrixRun::cases
  Variant variant = Variant::kBug;
  const MatrixDetector* d = nullptr;
  Finding finding;
  double seconds = 0;
  int exit_code = 0;
  bool timed_out = false;  // a report may still have come before the limit
  bool hung_after_report = false;
};

struct MatrixRun {
  std::vector<Case> cases;
  std::vector<const MatrixDetector*> detectors;  // the ones that ran, in column order
  std::vector<std::string> not_run;              // "drd (valgrind does not run here)"
  std::map<std::string, std::string> tools;      // tool -> version, for the tools used
  std::vector<Cell> cells;
  std::string date;     // UTC, YYYY-MM-DD
  std::string sources;  // a fingerprint of the sources measured
  std::chrono::seconds limit{300};
  double build_seconds = 0, total_seconds = 0;

  // The cell of (case, detector, variant); null when it did not run.
  const Cell* find(int case_index, const MatrixDetector& d, Variant v) const;
};

// Builds what the chosen detectors need, then runs every cell, with progress
// on stderr. Throws std::runtime_error when a tree cannot be configured or
// built, or a detector cannot be started.
MatrixRun run_matrix(const std::vector<Case>& cases, const MatrixOptions& options);

// --- rendering (render.cpp) --------------------------------------------------

// The Markdown table with its key, the tallies and the tools.
std::string render_table(const MatrixRun& run);
// The evidence section: every bug run not missed and fix run not clean.
std::string render_evidence(const MatrixRun& run);
// `doc` (docs/matrix.md, or empty for a new one) with both regions replaced.
std::string render_document(std::string doc, const MatrixRun& run);
// Every cell, for tools.
nlohmann::json render_json(const MatrixRun& run);
// The per-detector summary for the terminal.
std::string render_summary(const MatrixRun& run);

}  // namespace bughunt
