// bughunt pack [--out DIR] [--session] [N...] — the review pack: a static
// site a trainer projects (see pack/pack.h).
#include "harness/bughunt/pack/pack.h"

#include <fmt/format.h>

#include "harness/bughunt/build.h"
#include "harness/bughunt/change.h"
#include "harness/bughunt/fix_diff.h"
#include "harness/bughunt/runner.h"
#include "harness/bughunt/text.h"
#include "harness/bughunt/verbs.h"

namespace fs = std::filesystem;

namespace bughunt {

namespace {

struct PackArguments {
  std::vector<std::string> ids;
  std::string out;
  bool session = false;
};

// Runs the broken program under its detector and keeps what the page shows.
CaseMaterial gather(const Context& ctx, const Case& c) {
  CaseMaterial m{.c = c};
  m.program_path = source_path(c, Variant::kBug).string();
  m.program = read_file(ctx.source(c, Variant::kBug));
  m.diff = fix_diff(ctx, c);
  m.change = change_diff(ctx.source_dir, c);
  const Outcome run = run_case(ctx, c, Variant::kBug, c.detector_flavour(), /*echo=*/false);
  m.output = run.output;
  m.reports = read_reports(run.output, run.exit_code, {.source_dir = ctx.source_dir.string()});
  return m;
}

int pack(const Context& ctx, const PackArguments& args) {
  const std::vector<const Case*> chosen = ctx.chosen(args.ids);
  std::vector<std::string> targets;
  for (const Case* c : chosen)
    targets.push_back(target_name(*c, Variant::kBug, c->detector_flavour()));
  fmt::print(stderr, "pack: building {} binaries\n", targets.size());
  build(ctx, targets);

  std::vector<CaseMaterial> cases;
  for (const Case* c : chosen) {
    fmt::print(stderr, "pack: running case {} ({} of {})\n", c->number(), cases.size() + 1,
               chosen.size());
    cases.push_back(gather(ctx, *c));
  }
  PackOptions options{
      .source_dir = ctx.source_dir,
      .out = args.out.empty() ? ctx.source_dir / "build" / "pack" : fs::path(args.out),
      .session = args.session};
  if (const fs::path matrix = ctx.source_dir / "docs" / "matrix.md"; fs::exists(matrix)) {
    options.matrix_markdown = read_file(matrix);
  }
  write_pack(options, cases);
  fmt::print("wrote {} ({} case{}{}); open {}\n", options.out.string(), cases.size(),
             cases.size() == 1 ? "" : "s", args.session ? ", a session and its notes" : "",
             (options.out / (args.session ? "session.html" : "index.html")).string());
  return 0;
}

}  // namespace

Action setup_pack(CLI::App& command) {
  auto args = std::make_shared<PackArguments>();
  command.add_option("cases", args->ids, "Cases to include, in order (default: all)");
  command.add_option("--out", args->out, "The site's folder (default: build/pack)");
  command.add_flag("--session", args->session,
                   "Also a session page (the cases in order, a timer each) and presenter notes");
  return [args](Context& ctx) { return pack(ctx, *args); };
}

}  // namespace bughunt
