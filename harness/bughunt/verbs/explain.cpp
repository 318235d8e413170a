// bughunt explain N — the cause, the fix and the rule: the spoiler.
#include <fmt/format.h>

#include "harness/bughunt/practice/workspace.h"
#include "harness/bughunt/verbs.h"

namespace bughunt {

Action setup_explain(CLI::App& command) {
  auto id = add_case_argument(command);
  auto give_up = std::make_shared<bool>(false);
  command.add_flag("--give-up", *give_up,
                   "Explain a case you have not solved (recorded as revealed)");
  return [id, give_up](Context& ctx) {
    const Case& c = ctx.find(*id);
    allow_reveal(Workspace(ctx.workspace), c, *give_up);
    fmt::print("{}\n\n{}\n{}\n\n{}\n{}\n\n{}\n{}\n\n(ported from {}; the diff: bughunt diff {})\n",
               ctx.bold("case " + c.number() + ": " + c.title), ctx.bold("Cause"), c.cause,
               ctx.bold("Fix"), c.fix, ctx.bold("Rule"), c.rule, c.seed, c.id);
    return 0;
  };
}

}  // namespace bughunt
