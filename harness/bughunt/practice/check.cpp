#include "harness/bughunt/practice/check.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdio>

#include "harness/bughunt/practice/grade.h"
#include "harness/bughunt/report.h"
#include "harness/bughunt/text.h"
#include "harness/bughunt/verdict.h"

namespace fs = std::filesystem;

namespace bughunt {

namespace {

// The line `line` of `file`, or "" when there is none.
std::string source_line(const fs::path& file, int line) {
  const std::string text = read_file(file);
  const std::vector<std::string_view> lines = lines_of(text);
  return line >= 1 && line <= static_cast<int>(lines.size()) ? std::string(lines[line - 1]) : "";
}

std::string next_hint(const Case& c, const CaseProgress& p) {
  if (p.hints_seen >= static_cast<int>(c.hints.size())) {
    return fmt::format("every hint seen; `bughunt diff {} --give-up` shows the fix", c.id);
  }
  return fmt::format("`bughunt hint {}` (hint {} of {})", c.id, p.hints_seen + 1, c.hints.size());
}

// Still broken: the run's own report, then where it points into the trainee's
// file. (The one place that renders it, so a shorter report can replace it.)
void tell_still_broken(const Context& ctx, const Workspace& ws, const Case& c,
                       const FlavourRun& run, const CaseProgress& p) {
  std::fwrite(run.outcome.output.data(), 1, run.outcome.output.size(), stdout);
  const bool declared = fails_with(run.outcome, c.expect);
  fmt::print("\n{}\n", ctx.paint(fmt::terminal_color::red,
                                 fmt::format("case {} is still broken: under {}, {}{}", c.number(),
                                             name(run.flavour), run.problem,
                                             declared ? " (its declared diagnostic)" : "")));
  const fs::path file = ws.file(c);
  // As the report names it: absolute, or relative to the repository when the
  // workspace is inside it (the sanitizers' strip_path_prefix).
  const ReadOptions options{
      .source_dir = ctx.source_dir.string(),
      .program_files = {file.string(), file.lexically_relative(ctx.source_dir).string()}};
  const std::vector<Report> reports =
      read_reports(run.outcome.output, run.outcome.exit_code, options);
  if (const Frame* frame = first_program_frame(reports)) {
    fmt::print("The report's first frame in your file: {}\n", where(*frame));
    fmt::print("  {:>4} | {}\n", frame->line, source_line(file, frame->line));
  }
  fmt::print("Next hint: {}\n", next_hint(c, p));
}

void tell_fixed(const Context& ctx, const Case& c, const Graded& g, const Progress& p) {
  std::vector<std::string> flavours;
  for (const FlavourRun& run : g.runs) flavours.emplace_back(name(run.flavour));
  fmt::print("{}\n", ctx.paint(fmt::terminal_color::green,
                               fmt::format("case {} is fixed: clean under {}, and GoogleTest "
                                           "reports every test of the scenario passed in each",
                                           c.number(), fmt::join(flavours, ", "))));
  const auto solved = std::count_if(p.cases.begin(), p.cases.end(), [](const auto& entry) {
    return entry.second.state == State::kSolved;
  });
  if (g.pool_hits == 0u && g.reference_pool_hits > 0u) {
    fmt::print(
        "It passes, but your version no longer reuses objects: {} pool hits, where the reference "
        "fix, which keeps the pool, has {}.\n",
        *g.pool_hits, *g.reference_pool_hits);
  }
  fmt::print("Recorded as {} ({} of {} solved).\n", name(p.at(c).state), solved, ctx.cases.size());
  fmt::print("Your fix against the reference: bughunt diff {} --mine\n", c.id);
  fmt::print("The cause and the rule: bughunt explain {}\n", c.id);
}

}  // namespace

const Case& case_to_check(const Context& ctx, const Workspace& ws, const std::string& id) {
  if (!id.empty()) return ctx.find(id);
  ws.require();
  const int last = ws.load().last;
  if (last == 0) throw Stop(2, "no case worked on yet: `bughunt start N` starts one");
  return ctx.find(std::to_string(last));
}

int check_and_tell(const Context& ctx, const Workspace& ws, const Case& c) {
  ws.require();
  Progress progress = ws.load();
  progress.last = c.id;
  ws.save(progress);  // first, so a workspace that cannot be written says so at once
  fmt::print(stderr, "check: case {}, {} (building in plain, asan and tsan)\n", c.number(),
             ws.file(c).string());
  const Graded g = grade(ctx, ws, c);
  CaseProgress& p = progress.of(c);
  if (p.state == State::kUntouched) p.state = State::kStarted;
  if (g.grade == Grade::kDoesNotCompile) {
    fmt::print(stderr, "bughunt: does not compile: {} (the whole build output: {})\n",
               g.compile_error, g.build_log.string());
    return 2;
  }
  if (g.grade == Grade::kStillBroken) {
    tell_still_broken(ctx, ws, c, g.runs.back(), p);
    ws.save(progress);
    return 1;
  }
  if (p.state == State::kStarted) p.state = State::kSolved;
  ws.save(progress);
  tell_fixed(ctx, c, g, progress);
  return 0;
}

}  // namespace bughunt
