// bughunt matrix [N...] — every case under every detector this machine has;
// writes docs/matrix.md (see matrix.h).
#include "harness/bughunt/matrix/matrix.h"

#include <fmt/format.h>

#include <fstream>

#include "harness/bughunt/build.h"
#include "harness/bughunt/text.h"
#include "harness/bughunt/verbs.h"

namespace fs = std::filesystem;

namespace bughunt {

namespace {

struct MatrixArguments {
  std::vector<std::string> ids;
  std::string out, json;
  int limit = 300;
  std::vector<std::string> detectors;
};

// A case its own detector did not catch is news: say so on stderr.
void say_declared_misses(const MatrixRun& run) {
  for (int i = 0; i < static_cast<int>(run.cases.size()); ++i) {
    for (const MatrixDetector* d : run.detectors) {
      if (d->home != run.cases[i].detector) continue;
      const Cell* bug = run.find(i, *d, Variant::kBug);
      if (bug && !caught(bug->finding.result)) {
        fmt::print(stderr, "matrix: case {}: its declared detector {} shows {}: {}\n",
                   run.cases[i].number(), d->name, name(bug->finding.result),
                   bug->finding.evidence);
      }
    }
  }
}

int matrix(const Context& ctx, const MatrixArguments& args) {
  std::vector<Case> chosen;
  for (const Case* c : ctx.chosen(args.ids)) {
    ctx.require_built(*c);
    chosen.push_back(*c);
  }
  const bool full = args.ids.empty() && args.detectors.empty();
  const fs::path markdown = !args.out.empty() ? fs::path(args.out)
                            : full            ? ctx.source_dir / "docs" / "matrix.md"
                                              : fs::path();
  MatrixOptions options;
  options.source_dir = ctx.source_dir;
  options.clang_build = ctx.build_dir;
  options.gcc_build = preset_tree(ctx.source_dir, "gcc");
  options.limit = std::chrono::seconds(args.limit);
  options.detectors = args.detectors;
  options.build = ctx.build;
  options.build_targets = [&ctx](const fs::path& dir, const std::vector<std::string>& targets) {
    build(ctx, dir, targets);
  };
  const MatrixRun run = run_matrix(chosen, options);
  say_declared_misses(run);
  if (!args.json.empty()) std::ofstream(args.json) << render_json(run).dump(2) << "\n";
  if (!markdown.empty()) {
    const std::string doc = render_document(fs::exists(markdown) ? read_file(markdown) : "", run);
    if (markdown.has_parent_path()) fs::create_directories(markdown.parent_path());
    std::ofstream(markdown) << doc;
  }
  fmt::print("{}", render_summary(run));
  if (!markdown.empty()) fmt::print("wrote {}\n", markdown.string());
  if (!args.json.empty()) fmt::print("wrote {}\n", args.json);
  return 0;
}

}  // namespace

Action setup_matrix(CLI::App& command) {
  auto args = std::make_shared<MatrixArguments>();
  command.add_option("cases", args->ids, "Cases to run (default: all)");
  command.add_option("--out", args->out,
                     "The Markdown file (default, for a full run: docs/matrix.md)");
  command.add_option("--json", args->json, "Also write every cell to this JSON file");
  command.add_option("--limit", args->limit, "Seconds one run may take (default 300)")
      ->check(CLI::PositiveNumber);
  command.add_option("--detector", args->detectors, "Only these detectors")
      ->delimiter(',')
      ->check(CLI::IsMember(detector_names()));
  return [args](Context& ctx) { return matrix(ctx, *args); };
}

}  // namespace bughunt
