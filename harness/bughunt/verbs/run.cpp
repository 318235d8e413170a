// bughunt run N [--fixed] [--flavour F] [--raw | --short | --json] [--all] [--sarif FILE] — build a
// case, run it under its detector, stream the real report, then print it in
// short (report_short.h), say what it showed and where the report first
// points into the program. --raw: the real report only; --short: the short
// one only; --json: the report model alone, for tools; --sarif FILE: the
// reports as a SARIF 2.1.0 log too.
#include <fmt/format.h>

#include "harness/bughunt/build.h"
#include "harness/bughunt/report.h"
#include "harness/bughunt/report_json.h"
#include "harness/bughunt/report_short.h"
#include "harness/bughunt/runner.h"
#include "harness/bughunt/sarif.h"
#include "harness/bughunt/verbs.h"
#include "harness/bughunt/verdict.h"

namespace bughunt {

namespace {

struct RunOptions {
  std::string id;
  bool fixed = false;
  std::string flavour;  // empty: the detector's
  bool raw = false;     // the real report only
  bool brief = false;   // the short report only (--short)
  bool all = false;     // every report in full in the short one
  bool json = false;    // the report model alone, as JSON
  std::string sarif;    // where to write the SARIF log; empty: nowhere
};

int run(const Context& ctx, const RunOptions& options) {
  const Case& c = ctx.find(options.id);
  const Variant v = options.fixed ? Variant::kFix : Variant::kBug;
  const Flavour f =
      options.flavour.empty() ? c.detector_flavour() : *parse_flavour(options.flavour);
  build(ctx, {ctx.target(c, v, f)});
  if (ctx.colour) colour_sanitizer_reports();
  const Outcome outcome = run_case(ctx, c, v, f, /*echo=*/!options.brief && !options.json);
  const Verdict verdict = judge(c, v, f, outcome);
  const std::vector<Report> reports =
      read_reports(outcome.output, outcome.exit_code,
                   {.source_dir = ctx.source_dir.string(), .program_files = {}});
  if (!options.sarif.empty()) {
    const std::string id = fmt::format("{}/{}/{}/", c.stem(), name(v), name(f));
    write_sarif(options.sarif,
                sarif_log({sarif_run(reports, {.root = ctx.source_dir, .automation_id = id})}));
  }
  if (options.json) {
    const nlohmann::json out = {{"case", c.stem()},
                                {"variant", name(v)},
                                {"flavour", name(f)},
                                {"exit_status", outcome.exit_code},
                                {"as_expected", verdict.as_expected},
                                {"reports", reports_json(reports)}};
    fmt::print("{}\n", out.dump(2));
    return outcome.exit_code;
  }
  if (!options.raw && !reports.empty()) {
    fmt::print(
        "{}{}", options.brief ? "" : "\n",
        short_report(reports, {.root = ctx.source_dir, .colour = ctx.colour, .all = options.all}));
  }
  fmt::print("\n{}\n",
             ctx.paint(verdict.as_expected ? fmt::terminal_color::green : fmt::terminal_color::red,
                       verdict.line));
  if (const Frame* frame = first_program_frame(reports)) {
    fmt::print("The report's first frame in the program: {}\n", where(*frame));
  }
  if (outcome.hung_after_report) {
    fmt::print("The sanitizer did not exit within {} s of its report and was stopped.\n",
               kAfterFatalReport.count());
  }
  return outcome.exit_code;
}

}  // namespace

Action setup_run(CLI::App& command) {
  auto options = std::make_shared<RunOptions>();
  command.add_option("case", options->id, "Case number (2 or 02) or slug")->required();
  command.add_flag("--fixed", options->fixed, "Run the fixed program instead of the broken one");
  std::vector<std::string> flavours;
  for (Flavour f : kAllFlavours) flavours.emplace_back(name(f));
  command
      .add_option("--flavour,--tool", options->flavour,
                  "The build to run: plain, asan, tsan or ubsan")
      ->check(CLI::IsMember(flavours));
  CLI::Option* raw = command.add_flag("--raw", options->raw, "Only the real report");
  CLI::Option* brief =
      command.add_flag("--short", options->brief, "Only the report in short")->excludes(raw);
  command.add_flag("--json", options->json, "Only the report model, as JSON, for tools")
      ->excludes(raw)
      ->excludes(brief);
  command.add_option("--sarif", options->sarif,
                     "Also write the reports as a SARIF 2.1.0 log to FILE");
  command.add_flag("--all", options->all,
                   "Every report in full in the short one, not only the first");
  return [options](Context& ctx) { return run(ctx, *options); };
}

}  // namespace bughunt
