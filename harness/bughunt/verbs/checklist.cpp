// bughunt checklist — the review checklist for pooled code (docs/checklist.md),
// then where to read real pools held to it (docs/pools-in-the-wild.md).
#include <fmt/format.h>

#include "harness/bughunt/text.h"
#include "harness/bughunt/verbs.h"

namespace bughunt {

Action setup_checklist(CLI::App&) {
  return [](Context& ctx) {
    const std::filesystem::path path = ctx.source_dir / "docs" / "checklist.md";
    if (!std::filesystem::exists(path)) throw Stop(2, fmt::format("{} is missing", path.string()));
    fmt::print("{}", read_file(path));
    fmt::print(
        "\nFive real pools (Go, LLVM, libstdc++) read against these questions, for after the "
        "cases: docs/pools-in-the-wild.md\n");
    return 0;
  };
}

}  // namespace bughunt
