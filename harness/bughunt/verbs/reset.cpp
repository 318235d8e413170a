// bughunt reset N — put the broken program back in the workspace; the
// trainee's version stays beside it as a backup.
#include <fmt/format.h>

#include "harness/bughunt/practice/workspace.h"
#include "harness/bughunt/verbs.h"

namespace bughunt {

namespace {

int reset(const Context& ctx, const Case& c) {
  const Workspace ws(ctx.workspace);
  ws.require();
  Progress progress = ws.load();
  const std::filesystem::path file = ws.file(c);
  if (std::filesystem::exists(file)) {
    const std::filesystem::path backup = ws.backup_name(file);
    ws.copy(file, backup);
    fmt::print("Your version is kept as {}\n", backup.string());
  }
  ws.copy(ctx.source(c, Variant::kBug), file);
  fmt::print("{} is the broken program again.\n", file.string());
  CaseProgress& p = progress.of(c);
  if (p.state == State::kUntouched) p.state = State::kStarted;
  progress.last = c.id;
  ws.save(progress);
  return 0;
}

}  // namespace

Action setup_reset(CLI::App& command) {
  auto id = add_case_argument(command);
  return [id](Context& ctx) { return reset(ctx, ctx.find(*id)); };
}

}  // namespace bughunt
