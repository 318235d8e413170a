// bughunt hint N — a nudge towards the bug.
#include <fmt/format.h>

#include "harness/bughunt/verbs.h"

namespace bughunt {

Action setup_hint(CLI::App& command) {
  auto id = add_case_argument(command);
  return [id](Context& ctx) {
    fmt::print("{} {}\n", ctx.bold("Hint:"), ctx.find(*id).hint);
    return 0;
  };
}

}  // namespace bughunt
