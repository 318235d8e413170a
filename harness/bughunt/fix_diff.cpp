#include "harness/bughunt/fix_diff.h"

#include <fmt/format.h>

#include "harness/bughunt/process.h"

namespace bughunt {

std::string unified_diff(const std::filesystem::path& from, const std::string& from_label,
                         const std::filesystem::path& to, const std::string& to_label,
                         int context) {
  const Outcome d = run_process({"diff", "-U", std::to_string(context), "--label", from_label,
                                 "--label", to_label, from.string(), to.string()},
                                std::chrono::seconds(30));
  if (d.exit_code > 1) throw Stop(2, fmt::format("diff failed: {}", d.output));
  return d.output;
}

std::string fix_diff(const Context& ctx, const Case& c) {
  return unified_diff(ctx.source(c, Variant::kBug), source_path(c, Variant::kBug).string(),
                      ctx.source(c, Variant::kFix), source_path(c, Variant::kFix).string());
}

std::string coloured_diff_line(const Context& ctx, std::string_view line) {
  if (line.starts_with("+++") || line.starts_with("---")) return ctx.bold(line);
  if (line.starts_with("@@")) return ctx.paint(fmt::terminal_color::cyan, line);
  if (line.starts_with("+")) return ctx.paint(fmt::terminal_color::green, line);
  if (line.starts_with("-")) return ctx.paint(fmt::terminal_color::red, line);
  return std::string(line);
}

}  // namespace bughunt
