// bughunt verify [N...] [--sarif DIR] — check that every case keeps its
// promise: the bug fails with its declared diagnostic, the fix is clean in
// every tested flavour. --sarif writes DIR/NN_slug.sarif per case, a SARIF
// run for each of its runs.
#include <fmt/format.h>

#include "harness/bughunt/build.h"
#include "harness/bughunt/report.h"
#include "harness/bughunt/runner.h"
#include "harness/bughunt/sarif.h"
#include "harness/bughunt/verbs.h"
#include "harness/bughunt/verdict.h"

namespace bughunt {

namespace {

struct Row {
  const Case* c;
  std::vector<Verdict> verdicts;  // the bug, then the fix in each tested flavour
  bool ok = true;
};

// Runs the bug in its detector's flavour and the fix in each tested one;
// with a SARIF folder, writes the case's log there.
Row check(const Context& ctx, const Case& c, const std::string& sarif_dir) {
  Row row{&c, {}};
  std::vector<nlohmann::json> runs;
  auto judged = [&](Variant v, Flavour f) {
    const Outcome outcome = run_case(ctx, c, v, f, false);
    row.verdicts.push_back(judge(c, v, f, outcome));
    if (sarif_dir.empty()) return;
    const std::vector<Report> reports =
        read_reports(outcome.output, outcome.exit_code,
                     {.source_dir = ctx.source_dir.string(), .program_files = {}});
    runs.push_back(sarif_run(
        reports, {.root = ctx.source_dir,
                  .automation_id = fmt::format("{}/{}/{}/", c.stem(), name(v), name(f))}));
  };
  judged(Variant::kBug, c.detector_flavour());
  for (Flavour f : kTestedFlavours) judged(Variant::kFix, f);
  for (const Verdict& v : row.verdicts) row.ok = row.ok && v.as_expected;
  if (!sarif_dir.empty()) {
    write_sarif(std::filesystem::path(sarif_dir) / (c.stem() + ".sarif"),
                sarif_log(std::move(runs)));
  }
  return row;
}

void print_table(const Context& ctx, const std::vector<Row>& rows) {
  fmt::print("\n{:>4}  {:<28} {:<8} {:<6}", "case", "slug", "detector", "bug");
  for (Flavour f : kTestedFlavours) fmt::print(" {:<6}", name(f));
  fmt::print("\n");
  for (const Row& row : rows) {
    fmt::print("{:>4}  {:<28} {:<8}", row.c->number(), row.c->slug, name(row.c->detector));
    for (const Verdict& v : row.verdicts) {
      fmt::print(" {}",
                 ctx.paint(v.as_expected ? fmt::terminal_color::green : fmt::terminal_color::red,
                           fmt::format("{:<6}", v.as_expected ? "ok" : "FAIL")));
    }
    fmt::print("\n");
  }
}

int verify(const Context& ctx, const std::vector<std::string>& ids, const std::string& sarif_dir) {
  const std::vector<const Case*> chosen = ctx.chosen(ids);
  std::vector<std::string> targets;
  for (const Case* c : chosen) {
    targets.push_back(ctx.target(*c, Variant::kBug, c->detector_flavour()));
    for (Flavour f : kTestedFlavours) targets.push_back(ctx.target(*c, Variant::kFix, f));
  }
  fmt::print(stderr, "verify: building {} binaries\n", targets.size());
  build(ctx, targets);

  std::vector<Row> rows;
  int passed = 0;
  for (const Case* c : chosen) {
    rows.push_back(check(ctx, *c, sarif_dir));
    passed += rows.back().ok;
    fmt::print(stderr, "[{}/{}] case {} {}: {}\n", rows.size(), chosen.size(), c->number(), c->slug,
               rows.back().ok ? ctx.paint(fmt::terminal_color::green, "ok")
                              : ctx.paint(fmt::terminal_color::red, "FAILED"));
    for (const Verdict& v : rows.back().verdicts) {
      if (!v.as_expected) fmt::print(stderr, "      {}\n", v.line);
    }
  }
  print_table(ctx, rows);
  const int failed = static_cast<int>(rows.size()) - passed;
  fmt::print("\n{} passed, {} failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}

}  // namespace

Action setup_verify(CLI::App& command) {
  auto ids = std::make_shared<std::vector<std::string>>();
  auto sarif_dir = std::make_shared<std::string>();
  command.add_option("cases", *ids, "Cases to check (default: all)");
  command.add_option("--sarif", *sarif_dir, "Write a SARIF 2.1.0 log per case into this folder");
  return [ids, sarif_dir](Context& ctx) { return verify(ctx, *ids, *sarif_dir); };
}

}  // namespace bughunt
