// bughunt hint N [--all] — the hint ladder: the next hint not yet seen, and
// how many remain. The workspace's progress remembers how far the trainee
// climbed; with no workspace yet, the first hint.
#include <fmt/format.h>

#include "harness/bughunt/practice/workspace.h"
#include "harness/bughunt/verbs.h"

namespace bughunt {

namespace {

void print_hint(const Context& ctx, const Case& c, int index) {
  fmt::print("{} {}\n", ctx.bold(fmt::format("Hint {} of {}:", index + 1, c.hints.size())),
             c.hints[index]);
}

int hint(const Context& ctx, const Case& c, bool all) {
  const Workspace ws(ctx.workspace);
  const bool kept = std::filesystem::is_directory(ws.dir());
  Progress progress = kept ? ws.load() : Progress{};
  const int count = static_cast<int>(c.hints.size());
  int& seen = progress.of(c).hints_seen;
  const int first = all ? 0 : std::min(seen, count - 1);
  const int last = all ? count - 1 : first;
  for (int i = first; i <= last; ++i) print_hint(ctx, c, i);
  seen = std::max(seen, last + 1);
  if (kept) ws.save(progress);
  if (!kept && !all) {
    fmt::print(
        "({} more: `bughunt start {}` keeps your place on the ladder; --all shows every "
        "hint.)\n",
        count - 1, c.id);
  } else if (seen < count) {
    fmt::print("({} more: `bughunt hint {}` again.)\n", count - seen, c.id);
  } else {
    fmt::print(
        "(That was the last hint. `bughunt diff {}` shows the fix once solved, or with "
        "--give-up.)\n",
        c.id);
  }
  return 0;
}

}  // namespace

Action setup_hint(CLI::App& command) {
  auto id = add_case_argument(command);
  auto all = std::make_shared<bool>(false);
  command.add_flag("--all", *all, "Every hint of the case at once");
  return [id, all](Context& ctx) { return hint(ctx, ctx.find(*id), *all); };
}

}  // namespace bughunt
