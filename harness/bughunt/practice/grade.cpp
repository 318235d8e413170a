#include "harness/bughunt/practice/grade.h"

#include <fmt/format.h>

#include <fstream>
#include <regex>

#include "harness/bughunt/build.h"
#include "harness/bughunt/practice/proof.h"
#include "harness/bughunt/text.h"
#include "harness/bughunt/verdict.h"

namespace fs = std::filesystem;

namespace bughunt {

namespace {

// A trainee's loop that never ends, or a thread that waits for ever, is a
// failed check, not a stuck one. Every scenario runs in under half a second
// under every sanitizer: this is some forty times that, on a loaded machine.
constexpr std::chrono::seconds kPracticeRunLimit{20};

// The value of cache entry `key` in the tree `dir` ("clang++" for CMAKE_CXX_COMPILER).
std::string cache_entry(const fs::path& dir, std::string_view key) {
  for (std::string_view line : lines_of(read_file(dir / "CMakeCache.txt"))) {
    if (line.starts_with(key) && line.size() > key.size() && line[key.size()] == ':') {
      return std::string(line.substr(line.find('=') + 1));
    }
  }
  return "";
}

// Configures the practice tree once, as the command line's own tree is
// configured; ninja reconfigures it by itself when a CMake file changes.
void prepare_tree(const Context& ctx, const fs::path& tree) {
  if (fs::exists(tree / "build.ninja")) return;
  fmt::print(stderr, "check: configuring the practice tree {} (once)\n", tree.string());
  configure(ctx.source_dir, tree,
            {"-G", cache_entry(ctx.build_dir, "CMAKE_GENERATOR"),
             "-DCMAKE_CXX_COMPILER=" + cache_entry(ctx.build_dir, "CMAKE_CXX_COMPILER"),
             "-DCMAKE_BUILD_TYPE=" + cache_entry(ctx.build_dir, "CMAKE_BUILD_TYPE"),
             "-DBUGHUNT_PRACTICE=ON"});
}

// Points the tree's practice/caseNN.cpp at the trainee's file; rewritten only
// when it changes, so that a warm build stays warm.
void point_at(const fs::path& tree, const Case& c, const fs::path& file) {
  const fs::path wrapper = tree / "practice" / practice_file_name(c);
  const std::string text = fmt::format("#include \"{}\"\n", fs::absolute(file).string());
  if (fs::exists(wrapper) && read_file(wrapper) == text) return;
  fs::create_directories(wrapper.parent_path());
  std::ofstream(wrapper) << text;
}

// The detector's flavour first: it is the one most likely to fail.
std::vector<Flavour> flavour_order(const Case& c) {
  std::vector<Flavour> order = {c.detector_flavour()};
  for (Flavour f : kTestedFlavours) {
    if (f != c.detector_flavour()) order.push_back(f);
  }
  return order;
}

// Runs the binary `target` of the tree, which writes GoogleTest's JSON report
// to `json`; returns the report ("" when it wrote none).
std::string run_reported(const fs::path& tree, const std::string& target, Outcome& outcome) {
  const fs::path json = tree / "results" / (target + ".json");
  fs::remove(json);
  outcome = run_process(
      {(tree / target).string(), "--gtest_color=no", "--gtest_output=json:" + json.string()},
      kPracticeRunLimit);
  return fs::exists(json) ? read_file(json) : "";
}

FlavourRun run_flavour(const fs::path& tree, const Case& c, Flavour f,
                       const std::vector<std::string>& expected, std::string& report) {
  FlavourRun run{.flavour = f, .outcome = {}, .problem = {}};
  report = run_reported(tree, practice_target(c, f), run.outcome);
  run.problem = runs_clean(run.outcome) ? unproven(report, expected)
                : run.outcome.timed_out ? fmt::format(
                                              "the scenario did not finish within {} s "
                                              "and was stopped",
                                              kPracticeRunLimit.count())
                                        : what_it_showed(run.outcome);
  return run;
}

}  // namespace

fs::path practice_tree(const Context& ctx) { return ctx.build_dir.string() + "-practice"; }

std::string first_error(std::string_view build_output, const fs::path& file) {
  static const std::regex located(R"(^\S.*:\d+:\d+: (fatal )?error: )");
  const std::string own = fs::absolute(file).string();
  std::string any;
  for (std::string_view line : lines_of(build_output)) {
    const bool error = line.find("error:") != std::string_view::npos ||
                       line.find("undefined reference") != std::string_view::npos;
    if (!error) continue;
    if (line.starts_with(own) && matches(line, located)) return std::string(line);
    if (any.empty()) any = std::string(line);
  }
  return any.empty() ? "error: the build failed" : any;
}

Graded grade(const Context& ctx, const Workspace& ws, const Case& c) {
  const fs::path file = ws.file(c);
  if (!fs::exists(file)) {
    throw Stop(2, fmt::format("case {} is not started in {}: `bughunt start {}` copies it there",
                              c.number(), ws.dir().string(), c.id));
  }
  const fs::path tree = practice_tree(ctx);
  fs::create_directories(tree / "results");
  const TreeLock lock(tree);
  prepare_tree(ctx, tree);
  point_at(tree, c, file);

  Graded g;
  g.build_log = tree / "results" / fmt::format("case{}-build.log", c.number());
  std::vector<std::string> targets = {target_name(c, Variant::kFix, Flavour::kPlain)};
  for (Flavour f : kTestedFlavours) targets.push_back(practice_target(c, f));
  const Outcome built = try_build(tree, targets);
  std::ofstream(g.build_log) << built.output;
  if (built.exit_code != 0) {
    g.grade = Grade::kDoesNotCompile;
    g.compile_error = first_error(built.output, file);
    return g;
  }
  const fs::path reference = tree / target_name(c, Variant::kFix, Flavour::kPlain);
  const std::vector<std::string> expected = listed_tests(
      run_process({reference.string(), "--gtest_list_tests"}, kPracticeRunLimit).output);
  for (Flavour f : flavour_order(c)) {
    std::string report;
    g.runs.push_back(run_flavour(tree, c, f, expected, report));
    if (!g.runs.back().problem.empty()) return g;
    if (f == Flavour::kPlain) g.pool_hits = pool_hits(report);
  }
  g.grade = Grade::kFixed;
  Outcome reference_run;
  g.reference_pool_hits =
      pool_hits(run_reported(tree, target_name(c, Variant::kFix, Flavour::kPlain), reference_run));
  return g;
}

}  // namespace bughunt
