// bughunt run N [--fixed] [--flavour F] — build a case, run it under its
// detector, stream the real report, then say what it showed and where the
// report first points into the program.
#include <fmt/format.h>

#include "harness/bughunt/build.h"
#include "harness/bughunt/report.h"
#include "harness/bughunt/runner.h"
#include "harness/bughunt/verbs.h"
#include "harness/bughunt/verdict.h"

namespace bughunt {

namespace {

struct RunOptions {
  std::string id;
  bool fixed = false;
  std::string flavour;  // empty: the detector's
};

int run(const Context& ctx, const RunOptions& options) {
  const Case& c = ctx.find(options.id);
  const Variant v = options.fixed ? Variant::kFix : Variant::kBug;
  const Flavour f =
      options.flavour.empty() ? c.detector_flavour() : *parse_flavour(options.flavour);
  build(ctx, {ctx.target(c, v, f)});
  if (ctx.colour) colour_sanitizer_reports();
  const Outcome outcome = run_case(ctx, c, v, f, /*echo=*/true);
  const Verdict verdict = judge(c, v, f, outcome);
  fmt::print("\n{}\n",
             ctx.paint(verdict.as_expected ? fmt::terminal_color::green : fmt::terminal_color::red,
                       verdict.line));
  const std::vector<Report> reports =
      read_reports(outcome.output, outcome.exit_code,
                   {.source_dir = ctx.source_dir.string(), .program_files = {}});
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
  return [options](Context& ctx) { return run(ctx, *options); };
}

}  // namespace bughunt
