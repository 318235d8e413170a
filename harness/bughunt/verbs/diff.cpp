// bughunt diff N — the fix, as a unified diff of the broken program.
#include <fmt/format.h>

#include "harness/bughunt/fix_diff.h"
#include "harness/bughunt/practice/workspace.h"
#include "harness/bughunt/text.h"
#include "harness/bughunt/verbs.h"

namespace bughunt {

namespace {

// The reference fix against the broken program, or (--mine) against the trainee's file.
int diff(const Context& ctx, const Case& c, bool mine, bool give_up) {
  const Workspace ws(ctx.workspace);
  allow_reveal(ws, c, give_up);
  std::string patch;
  if (mine) {
    const std::filesystem::path theirs = ws.file(c);
    if (!std::filesystem::exists(theirs)) {
      throw Stop(2, fmt::format("case {} is not started in {}: there is no file of yours to "
                                "compare",
                                c.number(), ws.dir().string()));
    }
    patch = unified_diff(ctx.source(c, Variant::kFix), source_path(c, Variant::kFix).string(),
                         theirs, theirs.string());
    if (patch.empty()) fmt::print("Your file is the reference fix, to the byte.\n");
  } else {
    patch = fix_diff(ctx, c);
  }
  for (std::string_view line : lines_of(patch)) fmt::print("{}\n", coloured_diff_line(ctx, line));
  return 0;
}

}  // namespace

Action setup_diff(CLI::App& command) {
  auto id = add_case_argument(command);
  auto mine = std::make_shared<bool>(false);
  auto give_up = std::make_shared<bool>(false);
  command.add_flag("--mine", *mine, "The reference fix against your file in the workspace");
  command.add_flag("--give-up", *give_up,
                   "Show the fix of a case you have not solved (recorded as revealed)");
  return [id, mine, give_up](Context& ctx) { return diff(ctx, ctx.find(*id), *mine, *give_up); };
}

}  // namespace bughunt
