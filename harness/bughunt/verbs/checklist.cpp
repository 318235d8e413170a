// bughunt checklist — the review checklist for pooled code (docs/checklist.md).
#include <fmt/format.h>

#include "harness/bughunt/text.h"
#include "harness/bughunt/verbs.h"

namespace bughunt {

Action setup_checklist(CLI::App&) {
  return [](Context& ctx) {
    const std::filesystem::path path = ctx.source_dir / "docs" / "checklist.md";
    if (!std::filesystem::exists(path)) throw Stop(2, fmt::format("{} is missing", path.string()));
    fmt::print("{}", read_file(path));
    return 0;
  };
}

}  // namespace bughunt
