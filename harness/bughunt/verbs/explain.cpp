// bughunt explain N — the cause, the fix and the rule: the spoiler.
#include <fmt/format.h>

#include "harness/bughunt/verbs.h"

namespace bughunt {

Action setup_explain(CLI::App& command) {
  auto id = add_case_argument(command);
  return [id](Context& ctx) {
    const Case& c = ctx.find(*id);
    fmt::print("{}\n\n{}\n{}\n\n{}\n{}\n\n{}\n{}\n\n(ported from {}; the diff: bughunt diff {})\n",
               ctx.bold("case " + c.number() + ": " + c.title), ctx.bold("Cause"), c.cause,
               ctx.bold("Fix"), c.fix, ctx.bold("Rule"), c.rule, c.seed, c.id);
    return 0;
  };
}

}  // namespace bughunt
