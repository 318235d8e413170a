// bughunt matrix [N...] — every case under every detector this machine has;
// writes docs/matrix.md (see matrix.h).
#include "harness/bughunt/matrix.h"

#include <fmt/format.h>

#include "harness/bughunt/build.h"
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

int matrix(const Context& ctx, const MatrixArguments& args) {
  std::vector<Case> chosen;
  for (const Case* c : ctx.chosen(args.ids)) chosen.push_back(*c);
  const bool full = args.ids.empty() && args.detectors.empty();
  MatrixOptions options;
  options.source_dir = ctx.source_dir;
  options.clang_build = ctx.build_dir;
  options.gcc_build = preset_tree(ctx.source_dir, "gcc");
  options.markdown = !args.out.empty() ? fs::path(args.out)
                     : full            ? ctx.source_dir / "docs" / "matrix.md"
                                       : fs::path();
  options.json = args.json;
  options.limit = std::chrono::seconds(args.limit);
  options.detectors = args.detectors;
  options.build = ctx.build;
  options.build_targets = [&ctx](const fs::path& dir, const std::vector<std::string>& targets) {
    build(ctx, dir, targets);
  };
  return run_matrix(chosen, options);
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
