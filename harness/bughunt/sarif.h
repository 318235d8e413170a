// harness/bughunt/sarif.h — reports as a SARIF 2.1.0 log, for a SARIF viewer
// (VS Code's SARIF Viewer, GitHub code scanning).
//
// One result per report: its ruleId from the kind ("data-race",
// "heap-use-after-free"), its message the closing sentence of the short
// report, its location the report's first frame in the program, and one
// codeFlow with a threadFlow per stack, titled by the stack's role
// (report_words.h) and running from the outermost call to the innermost, so
// a viewer steps through the whole story on the source. Relative paths are
// under the SRCROOT base, which the run maps to the source tree.
//
// Example:
//
//   write_sarif("race.sarif", sarif_log({sarif_run(reports, {.root = ctx.source_dir})}));
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/bughunt/report.h"

namespace bughunt {

struct SarifOptions {
  std::filesystem::path root;  // what SRCROOT stands for: the tree relative paths are in
  std::string automation_id;   // names the run, e.g. "02_deferred_greetings/bug/tsan/"; may be empty
};

// "data-race", "heap-use-after-free": a kind as a SARIF rule id.
std::string rule_id(Kind k);

// One SARIF run: the tool, its rules, a result per report.
nlohmann::json sarif_run(const std::vector<Report>& reports, const SarifOptions& options);

// A SARIF 2.1.0 log holding `runs`.
nlohmann::json sarif_log(std::vector<nlohmann::json> runs);

// Writes `log` to `file`, its folder made when missing. Throws std::runtime_error naming the
// file when it cannot be written.
void write_sarif(const std::filesystem::path& file, const nlohmann::json& log);

}  // namespace bughunt
