#include "harness/bughunt/fix_diff.h"

#include <fmt/format.h>

#include "harness/bughunt/process.h"

namespace bughunt {

std::string fix_diff(const Context& ctx, const Case& c) {
  const Outcome d =
      run_process({"diff", "-u", "--label", source_path(c, Variant::kBug).string(), "--label",
                   source_path(c, Variant::kFix).string(), ctx.source(c, Variant::kBug).string(),
                   ctx.source(c, Variant::kFix).string()},
                  std::chrono::seconds(30));
  if (d.exit_code > 1) throw Stop(2, fmt::format("diff failed: {}", d.output));
  return d.output;
}

}  // namespace bughunt
