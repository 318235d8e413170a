// bughunt — the command line for the twenty broken pool programs.
//
//   bughunt list | show N | run N | hint N | diff N | explain N | verify [N...] | checklist
//
// It reads the case manifest (harness/cases.json), builds the one binary a
// verb needs in the project's build tree (quietly, unless the build fails),
// runs it and says what the run showed. Exit status: a run's own status for
// `run`; 1 when `verify` finds a case that breaks its promise; 2 for a usage
// error (unknown case, bad flag) or when the build or the toolchain fails.
#include <fmt/color.h>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "harness/bughunt/manifest.h"
#include "harness/bughunt/matrix.h"
#include "harness/bughunt/process.h"
#include "harness/bughunt/verdict.h"

namespace fs = std::filesystem;

namespace bughunt {
namespace {

// An error the user can act on: one line, then exit with `code`.
struct Stop : std::runtime_error {
  Stop(int code, const std::string& message) : std::runtime_error(message), code(code) {}
  int code;
};

constexpr std::chrono::seconds kRunLimit{300};

struct Context {
  fs::path source_dir = BUGHUNT_SOURCE_DIR;
  fs::path build_dir = BUGHUNT_BINARY_DIR;
  fs::path manifest = fs::path(BUGHUNT_SOURCE_DIR) / "harness" / "cases.json";
  bool colour = false;
  bool build = true;
  std::vector<Case> cases;

  const Case& find(const std::string& text) const {
    const Case* c = find_case(cases, text);
    if (c == nullptr) {
      throw Stop(2, fmt::format("no case '{}': give its number (1 to {}) or its slug; "
                                "`bughunt list` shows them",
                                text, cases.empty() ? 0 : cases.back().id));
    }
    return *c;
  }

  std::string target(const Case& c, Variant v, Flavour f) const {
    return fmt::format("case{}_{}_{}", c.number(), v == Variant::kBug ? "bug" : "fix", name(f));
  }
  fs::path source(const Case& c, Variant v) const {
    return source_dir / (v == Variant::kBug ? "bugs" : "fixes") / (c.stem() + ".cpp");
  }

  // Text in a colour, on a terminal only.
  std::string paint(fmt::terminal_color colour_name, std::string_view text) const {
    if (!colour) return std::string(text);
    return fmt::format(fmt::fg(colour_name), "{}", text);
  }
  std::string bold(std::string_view text) const {
    if (!colour) return std::string(text);
    return fmt::format(fmt::emphasis::bold, "{}", text);
  }
};

bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw Stop(2, fmt::format("cannot read {}", path.string()));
  return {std::istreambuf_iterator<char>(in), {}};
}

// Builds `targets` in the project's build tree. Quiet: a progress count on a
// terminal, the build's own output only when it fails.
void build(const Context& ctx, const std::vector<std::string>& targets) {
  if (!ctx.build || targets.empty()) return;
  std::vector<std::string> argv = {"cmake", "--build", ctx.build_dir.string(), "--target"};
  argv.insert(argv.end(), targets.begin(), targets.end());
  static const std::regex step(R"(\[(\d+)/(\d+)\])");
  const bool show_progress = stderr_is_terminal();
  bool shown = false;
  std::string pending;
  Outcome built;
  try {
    built = run_process(argv, std::chrono::seconds(3600), [&](std::string_view text) {
      if (!show_progress) return;
      pending.append(text);
      std::smatch m;
      std::string last;
      for (auto it = std::sregex_iterator(pending.begin(), pending.end(), step);
           it != std::sregex_iterator(); ++it) {
        last = fmt::format("\rbuilding: step {} of {} ", (*it)[1].str(), (*it)[2].str());
      }
      if (!last.empty()) {
        fmt::print(stderr, "{}", last);
        shown = true;
      }
      pending.erase(0, pending.rfind('\n') == std::string::npos ? 0 : pending.rfind('\n'));
    });
  } catch (const std::runtime_error& e) {
    throw Stop(2, fmt::format("{}; is cmake installed? scripts/bootstrap installs it", e.what()));
  }
  if (shown) fmt::print(stderr, "\r\033[K");
  if (built.exit_code != 0) {
    fmt::print(stderr, "{}", built.output);
    throw Stop(2, fmt::format("building {} failed (the build's output is above)",
                              fmt::join(targets, " ")));
  }
}

// Runs one case binary; streams its output when `echo` is set.
Outcome run_case(const Context& ctx, const Case& c, Variant v, Flavour f, bool echo) {
  const fs::path binary = ctx.build_dir / ctx.target(c, v, f);
  if (!fs::exists(binary)) {
    throw Stop(2, fmt::format("{} is not built; run without --no-build", binary.string()));
  }
  std::vector<std::string> argv = {binary.string(),
                                   ctx.colour ? "--gtest_color=yes" : "--gtest_color=no"};
  return run_process(argv, kRunLimit, [&](std::string_view text) {
    if (echo) {
      std::fwrite(text.data(), 1, text.size(), stdout);
      std::fflush(stdout);
    }
  });
}

// When the output is a terminal, the sanitizers colour their reports too.
void colour_sanitizer_reports() {
  for (const char* var : {"ASAN_OPTIONS", "TSAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
    const char* old = std::getenv(var);
    const std::string value = old && *old ? fmt::format("{}:color=always", old) : "color=always";
    setenv(var, value.c_str(), 1);
  }
}

std::size_t terminal_width() {
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 100;
}

// --- the verbs -------------------------------------------------------------

void guide(const Context& ctx) {
  fmt::print(
      "{}\n\n"
      "  bughunt list              the cases: number, title, detector, symptom\n"
      "  bughunt show N            the broken program and what goes wrong\n"
      "  bughunt run N             run it under its sanitizer and read the report\n"
      "  bughunt hint N            a nudge towards the bug\n"
      "  bughunt diff N            the fix, as a diff of the broken program\n"
      "  bughunt explain N         the cause, the fix and the rule (the spoiler)\n"
      "  bughunt verify [N...]     check every case still keeps its promise\n"
      "  bughunt checklist         the review checklist for pooled code\n\n"
      "N is a case number (2 or 02) or its slug. `bughunt run N --fixed` runs the fix;\n"
      "`--tool plain|asan|tsan` picks the build. Start with: bughunt show 1\n",
      ctx.bold("bughunt: broken object-pool programs, their reports and their fixes."));
}

int list(const Context& ctx, bool json) {
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const Case& c : ctx.cases) {
      out.push_back({{"id", c.id},
                     {"slug", c.slug},
                     {"title", c.title},
                     {"detector", c.detector},
                     {"symptom", c.symptom}});
    }
    fmt::print("{}\n", out.dump(2));
    return 0;
  }
  std::size_t title_width = 5;
  for (const Case& c : ctx.cases) title_width = std::max(title_width, c.title.size());
  const bool fit = ctx.colour;  // on a terminal, one line per case
  const std::size_t used = 4 + title_width + 2 + 8;
  for (const Case& c : ctx.cases) {
    std::string symptom = c.symptom;
    if (fit && used + 10 < terminal_width() && symptom.size() > terminal_width() - used) {
      symptom = symptom.substr(0, terminal_width() - used - 3) + "...";
    }
    fmt::print("{:>2}  {:<{}}  {:<6}  {}\n", c.id, c.title, title_width,
               ctx.paint(fmt::terminal_color::cyan, c.detector), symptom);
  }
  return 0;
}

int show(const Context& ctx, const Case& c) {
  const fs::path path = ctx.source(c, Variant::kBug);
  const std::string text = read_file(path);
  fmt::print("{}  ({} bugs/{}.cpp, detector: {})\n\n",
             ctx.bold("case " + c.number() + ": " + c.title), "file", c.stem(), c.detector);
  std::istringstream lines(text);
  std::string line;
  for (int n = 1; std::getline(lines, line); ++n) {
    fmt::print("{} {}\n", ctx.paint(fmt::terminal_color::bright_black, fmt::format("{:>4}", n)),
               line);
  }
  fmt::print("\n{} {}\n", ctx.bold("Symptom:"), c.symptom);
  fmt::print("Run it: bughunt run {}    a nudge: bughunt hint {}\n", c.id, c.id);
  return 0;
}

int run(const Context& ctx, const Case& c, bool fixed, const std::string& tool) {
  const Variant v = fixed ? Variant::kFix : Variant::kBug;
  const Flavour f = tool.empty() ? c.detector_flavour() : *parse_flavour(tool);
  build(ctx, {ctx.target(c, v, f)});
  if (ctx.colour) colour_sanitizer_reports();
  const Outcome outcome = run_case(ctx, c, v, f, /*echo=*/true);
  const Verdict verdict = judge(c, v, f, outcome);
  fmt::print("\n{}\n",
             ctx.paint(verdict.as_expected ? fmt::terminal_color::green : fmt::terminal_color::red,
                       verdict.line));
  if (const std::string frame = first_case_frame(outcome.output); !frame.empty()) {
    fmt::print("The report's first frame in the program: {}\n", frame);
  }
  if (outcome.hung_after_report) {
    fmt::print("The sanitizer did not exit within {} s of its report and was stopped.\n",
               kAfterFatalReport.count());
  }
  return outcome.exit_code;
}

int diff(const Context& ctx, const Case& c) {
  const std::string bug = "bugs/" + c.stem() + ".cpp";
  const std::string fix = "fixes/" + c.stem() + ".cpp";
  const Outcome d =
      run_process({"diff", "-u", "--label", bug, "--label", fix,
                   ctx.source(c, Variant::kBug).string(), ctx.source(c, Variant::kFix).string()},
                  std::chrono::seconds(30));
  if (d.exit_code > 1) throw Stop(2, fmt::format("diff failed: {}", d.output));
  std::istringstream lines(d.output);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.starts_with("+++") || line.starts_with("---")) {
      fmt::print("{}\n", ctx.bold(line));
    } else if (line.starts_with("@@")) {
      fmt::print("{}\n", ctx.paint(fmt::terminal_color::cyan, line));
    } else if (line.starts_with("+")) {
      fmt::print("{}\n", ctx.paint(fmt::terminal_color::green, line));
    } else if (line.starts_with("-")) {
      fmt::print("{}\n", ctx.paint(fmt::terminal_color::red, line));
    } else {
      fmt::print("{}\n", line);
    }
  }
  return 0;
}

int hint(const Context& ctx, const Case& c) {
  fmt::print("{} {}\n", ctx.bold("Hint:"), c.hint);
  return 0;
}

int explain(const Context& ctx, const Case& c) {
  fmt::print("{}\n\n{}\n{}\n\n{}\n{}\n\n{}\n{}\n\n(ported from {}; the diff: bughunt diff {})\n",
             ctx.bold("case " + c.number() + ": " + c.title), ctx.bold("Cause"), c.cause,
             ctx.bold("Fix"), c.fix, ctx.bold("Rule"), c.rule, c.seed, c.id);
  return 0;
}

int verify(const Context& ctx, const std::vector<std::string>& ids) {
  std::vector<const Case*> chosen;
  if (ids.empty()) {
    for (const Case& c : ctx.cases) chosen.push_back(&c);
  } else {
    for (const std::string& id : ids) chosen.push_back(&ctx.find(id));
  }
  if (chosen.empty()) throw Stop(2, "the manifest lists no case to verify");

  std::vector<std::string> targets;
  for (const Case* c : chosen) {
    targets.push_back(ctx.target(*c, Variant::kBug, c->detector_flavour()));
    for (Flavour f : kAllFlavours) targets.push_back(ctx.target(*c, Variant::kFix, f));
  }
  fmt::print(stderr, "verify: building {} binaries\n", targets.size());
  build(ctx, targets);

  struct Row {
    const Case* c;
    std::vector<Verdict> verdicts;  // the bug, then the fix in each flavour
    bool ok = true;
  };
  std::vector<Row> rows;
  int passed = 0;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    const Case& c = *chosen[i];
    Row row{&c, {}};
    const Flavour shows = c.detector_flavour();
    row.verdicts.push_back(
        judge(c, Variant::kBug, shows, run_case(ctx, c, Variant::kBug, shows, false)));
    for (Flavour f : kAllFlavours) {
      row.verdicts.push_back(judge(c, Variant::kFix, f, run_case(ctx, c, Variant::kFix, f, false)));
    }
    for (const Verdict& v : row.verdicts) row.ok = row.ok && v.as_expected;
    passed += row.ok;
    fmt::print(stderr, "[{}/{}] case {} {}: {}\n", i + 1, chosen.size(), c.number(), c.slug,
               row.ok ? ctx.paint(fmt::terminal_color::green, "ok")
                      : ctx.paint(fmt::terminal_color::red, "FAILED"));
    for (const Verdict& v : row.verdicts) {
      if (!v.as_expected) fmt::print(stderr, "      {}\n", v.line);
    }
    rows.push_back(std::move(row));
  }

  fmt::print("\n{:>4}  {:<28} {:<8} {:<6} {:<6} {:<6} {:<6}\n", "case", "slug", "detector", "bug",
             "plain", "asan", "tsan");
  for (const Row& row : rows) {
    std::vector<std::string> cells;
    for (const Verdict& v : row.verdicts) {
      const std::string cell = v.as_expected ? "ok" : "FAIL";
      cells.push_back(
          ctx.paint(v.as_expected ? fmt::terminal_color::green : fmt::terminal_color::red,
                    fmt::format("{:<6}", cell)));
    }
    fmt::print("{:>4}  {:<28} {:<8} {} {} {} {}\n", row.c->number(), row.c->slug, row.c->detector,
               cells[0], cells[1], cells[2], cells[3]);
  }
  const int failed = static_cast<int>(rows.size()) - passed;
  fmt::print("\n{} passed, {} failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}

int checklist(const Context& ctx) {
  const fs::path path = ctx.source_dir / "docs" / "checklist.md";
  if (!fs::exists(path)) throw Stop(2, fmt::format("{} is missing", path.string()));
  fmt::print("{}", read_file(path));
  return 0;
}

int main_with(int argc, char** argv) {
  Context ctx;
  const char* no_colour = std::getenv("NO_COLOR");
  ctx.colour = isatty(STDOUT_FILENO) == 1 && (no_colour == nullptr || *no_colour == '\0');

  CLI::App app{"bughunt: broken object-pool programs, their reports and their fixes", "bughunt"};
  std::string manifest_path;
  app.add_option("--manifest", manifest_path, "Read the cases from this manifest")
      ->check(CLI::ExistingFile);
  bool no_build = false;
  app.add_flag("--no-build", no_build, "Run what is built; never start the build");
  app.require_subcommand(0, 1);

  auto* list_cmd = app.add_subcommand("list", "The cases: number, title, detector, symptom");
  bool json = false;
  list_cmd->add_flag("--json", json, "Print JSON for tools");

  std::string id;
  auto case_verb = [&](const char* verb, const char* what) {
    auto* sub = app.add_subcommand(verb, what);
    sub->add_option("case", id, "Case number (2 or 02) or slug")->required();
    return sub;
  };
  auto* show_cmd = case_verb("show", "The broken program with line numbers, and its symptom");
  auto* run_cmd = case_verb("run", "Build and run a case under its detector");
  bool fixed = false;
  std::string tool;
  run_cmd->add_flag("--fixed", fixed, "Run the fixed program instead of the broken one");
  run_cmd->add_option("--tool", tool, "The build to run: plain, asan or tsan")
      ->check(CLI::IsMember({"plain", "asan", "tsan"}));
  auto* diff_cmd = case_verb("diff", "The fix: a unified diff of the broken program");
  auto* hint_cmd = case_verb("hint", "A nudge towards the bug");
  auto* explain_cmd = case_verb("explain", "Cause, fix and rule (the spoiler)");
  auto* verify_cmd = app.add_subcommand("verify", "Check that every case keeps its promise");
  std::vector<std::string> ids;
  verify_cmd->add_option("cases", ids, "Cases to check (default: all)");
  auto* checklist_cmd = app.add_subcommand("checklist", "The review checklist for pooled code");
  auto* matrix_cmd =
      app.add_subcommand("matrix", "Run every case under every detector; write docs/matrix.md");
  std::vector<std::string> matrix_ids;
  MatrixOptions matrix_options;
  std::string matrix_out, matrix_json;
  int matrix_limit = 300;
  matrix_cmd->add_option("cases", matrix_ids, "Cases to run (default: all)");
  matrix_cmd->add_option("--out", matrix_out,
                         "The Markdown file (default, for a full run: docs/matrix.md)");
  matrix_cmd->add_option("--json", matrix_json, "Also write every cell to this JSON file");
  matrix_cmd->add_option("--limit", matrix_limit, "Seconds one run may take (default 300)")
      ->check(CLI::PositiveNumber);
  matrix_cmd->add_option("--detector", matrix_options.detectors, "Only these detectors")
      ->delimiter(',')
      ->check(CLI::IsMember(detector_names()));
  auto matrix = [&] {
    std::vector<Case> chosen;
    for (const std::string& text : matrix_ids) chosen.push_back(ctx.find(text));
    if (matrix_ids.empty()) chosen = ctx.cases;
    const bool full = matrix_ids.empty() && matrix_options.detectors.empty();
    matrix_options.source_dir = ctx.source_dir;
    matrix_options.clang_build = ctx.build_dir;
    matrix_options.gcc_build = ctx.source_dir / "build" / "gcc";
    matrix_options.markdown = !matrix_out.empty() ? fs::path(matrix_out)
                              : full              ? ctx.source_dir / "docs" / "matrix.md"
                                                  : fs::path();
    matrix_options.json = matrix_json;
    matrix_options.limit = std::chrono::seconds(matrix_limit);
    matrix_options.build = ctx.build;
    matrix_options.build_targets = [&](const fs::path& dir,
                                       const std::vector<std::string>& targets) {
      Context tree = ctx;
      tree.build_dir = dir;
      build(tree, targets);
    };
    return run_matrix(chosen, matrix_options);
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    throw Stop(2, fmt::format("{} (see bughunt --help)", e.what()));
  }
  if (!manifest_path.empty()) ctx.manifest = manifest_path;
  ctx.build = !no_build;
  try {
    ctx.cases = load_manifest(ctx.manifest);
  } catch (const std::runtime_error& e) {
    throw Stop(2, e.what());
  }

  if (list_cmd->parsed()) return list(ctx, json);
  if (show_cmd->parsed()) return show(ctx, ctx.find(id));
  if (run_cmd->parsed()) return run(ctx, ctx.find(id), fixed, tool);
  if (diff_cmd->parsed()) return diff(ctx, ctx.find(id));
  if (hint_cmd->parsed()) return hint(ctx, ctx.find(id));
  if (explain_cmd->parsed()) return explain(ctx, ctx.find(id));
  if (verify_cmd->parsed()) return verify(ctx, ids);
  if (checklist_cmd->parsed()) return checklist(ctx);
  if (matrix_cmd->parsed()) return matrix();
  guide(ctx);
  return 0;
}

}  // namespace
}  // namespace bughunt

int main(int argc, char** argv) {
  try {
    return bughunt::main_with(argc, argv);
  } catch (const bughunt::Stop& e) {
    fmt::print(stderr, "bughunt: {}\n", e.what());
    return e.code;
  } catch (const std::exception& e) {
    fmt::print(stderr, "bughunt: {}\n", e.what());
    return 2;
  }
}
