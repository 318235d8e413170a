// bughunt start N — copy the broken program into the trainee's workspace.
#include <fmt/format.h>

#include "harness/bughunt/practice/workspace.h"
#include "harness/bughunt/verbs.h"

namespace bughunt {

namespace {

int start(const Context& ctx, const Case& c) {
  const Workspace ws(ctx.workspace);
  ws.create(ctx.source_dir);
  Progress progress = ws.load();
  const std::filesystem::path file = ws.file(c);
  if (std::filesystem::exists(file)) {
    fmt::print(
        "Case {} is already started: your file {} is kept as it is "
        "(`bughunt reset {}` restores the broken program).\n",
        c.number(), file.string(), c.id);
  } else {
    ws.copy(ctx.source(c, Variant::kBug), file);
    fmt::print("Case {} started. Your copy of the broken program: {}\n", c.number(), file.string());
  }
  CaseProgress& p = progress.of(c);
  if (p.state == State::kUntouched) p.state = State::kStarted;
  progress.last = c.id;
  ws.save(progress);
  fmt::print("\n{} {}\n\n", ctx.bold("What goes wrong:"), c.symptom);
  fmt::print(
      "Fix it in your editor, then:\n"
      "  bughunt check {0}     grade your fix (plain, asan and tsan)\n"
      "  bughunt watch {0}     grade it again on every save\n"
      "  bughunt hint {0}      a nudge ({1} hints, gentle to pointed)\n"
      "  bughunt progress    how far you are\n",
      c.id, c.hints.size());
  fmt::print("(The workspace is {}: --workspace DIR or BUGHUNT_WORKSPACE moves it.)\n",
             ws.dir().string());
  return 0;
}

}  // namespace

Action setup_start(CLI::App& command) {
  auto id = add_case_argument(command);
  return [id](Context& ctx) { return start(ctx, ctx.find(*id)); };
}

}  // namespace bughunt
