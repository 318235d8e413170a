// bughunt diff N — the fix, as a unified diff of the broken program.
#include <fmt/format.h>

#include "harness/bughunt/process.h"
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
    const Case& c = ctx.find(*id);
    const Outcome d =
        run_process({"diff", "-u", "--label", source_path(c, Variant::kBug).string(), "--label",
                     source_path(c, Variant::kFix).string(), ctx.source(c, Variant::kBug).string(),
                     ctx.source(c, Variant::kFix).string()},
                    std::chrono::seconds(30));
    if (d.exit_code > 1) throw Stop(2, fmt::format("diff failed: {}", d.output));
    for (std::string_view line : lines_of(d.output)) fmt::print("{}\n", coloured(ctx, line));
    return 0;
  };
}

}  // namespace bughunt
