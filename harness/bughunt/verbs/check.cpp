// bughunt check [N] — grade the trainee's fix of case N (else of the case
// worked on last): does not compile, still broken, or fixed.
#include "harness/bughunt/practice/check.h"

#include "harness/bughunt/verbs.h"

namespace bughunt {

Action setup_check(CLI::App& command) {
  auto id = std::make_shared<std::string>();
  command.add_option("case", *id, "Case number or slug (default: the one worked on last)");
  return [id](Context& ctx) {
    const Workspace ws(ctx.workspace);
    return check_and_tell(ctx, ws, case_to_check(ctx, ws, *id));
  };
}

}  // namespace bughunt
