// bughunt diff N — the fix, as a unified diff of the broken program.
#include <fmt/format.h>

#include "harness/bughunt/fix_diff.h"
#include "harness/bughunt/text.h"
#include "harness/bughunt/verbs.h"

namespace bughunt {

namespace {

std::string coloured(const Context& ctx, std::string_view line) {
  if (line.starts_with("+++") || line.starts_with("---")) return ctx.bold(line);
  if (line.starts_with("@@")) return ctx.paint(fmt::terminal_color::cyan, line);
  if (line.starts_with("+")) return ctx.paint(fmt::terminal_color::green, line);
  if (line.starts_with("-")) return ctx.paint(fmt::terminal_color::red, line);
  return std::string(line);
}

}  // namespace

Action setup_diff(CLI::App& command) {
  auto id = add_case_argument(command);
  return [id](Context& ctx) {
    const std::string diff = fix_diff(ctx, ctx.find(*id));
    for (std::string_view line : lines_of(diff)) fmt::print("{}\n", coloured(ctx, line));
    return 0;
  };
}

}  // namespace bughunt
