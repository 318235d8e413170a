#include "harness/bughunt/verbs.h"

#include <fmt/format.h>

#include <algorithm>

namespace bughunt {

namespace {

constexpr Verb kVerbs[] = {
    {"list", "", "the cases: number, program, job, symptom (--reveal: the mistake)", setup_list},
    {"show", "N", "the broken program, its job and what goes wrong", setup_show},
    {"run", "N", "run it under its sanitizer and read the report", setup_run},
    {"read", "[FILE]", "any program's sanitizer report, in short", setup_read},
    {"start", "N", "practise: copy the broken program into your workspace", setup_start},
    {"check", "[N]", "grade your fix: plain, asan and tsan, with the case's scenario", setup_check},
    {"watch", "[N]", "grade your fix again on every save", setup_watch},
    {"hint", "N", "the next hint on the ladder (--all: every one)", setup_hint},
    {"progress", "", "every case: untouched, started, solved or revealed", setup_progress},
    {"reset", "N", "restore the broken program; yours is kept as a backup", setup_reset},
    {"diff", "N", "the fix, as a diff of the broken program (--mine: of yours)", setup_diff},
    {"review", "N", "the change as a pull request: approve it or point at the line", setup_review},
    {"explain", "N", "the cause, the fix and the rule (the spoiler)", setup_explain},
    {"verify", "[N...]", "check that every case still keeps its promise", setup_verify},
    {"checklist", "", "the review checklist for pooled code", setup_checklist},
    {"matrix", "[N...]", "every case under every detector; writes docs/matrix.md", setup_matrix},
    {"pack", "[N...]", "a review pack: a static site to project, one step at a time", setup_pack},
};

}  // namespace

std::span<const Verb> verbs() { return kVerbs; }

void print_guide(const Context& ctx) {
  fmt::print("{}\n\n", ctx.bold("bughunt: broken object-pool programs, their reports and their "
                                "fixes."));
  std::size_t width = 0;
  for (const Verb& v : kVerbs) width = std::max(width, v.name.size() + 1 + v.arguments.size());
  for (const Verb& v : kVerbs) {
    fmt::print("  bughunt {:<{}}  {}\n", fmt::format("{} {}", v.name, v.arguments), width,
               v.summary);
  }
  fmt::print(
      "\nN is a case number (2 or 02) or its slug. `bughunt run N --fixed` runs the fix;\n"
      "`--flavour plain|asan|tsan|ubsan` picks the build. `bughunt VERB --help` says more.\n"
      "Start with: bughunt show 1\n");
}

std::shared_ptr<std::string> add_case_argument(CLI::App& command) {
  auto id = std::make_shared<std::string>();
  command.add_option("case", *id, "Case number (2 or 02) or slug")->required();
  return id;
}

}  // namespace bughunt
