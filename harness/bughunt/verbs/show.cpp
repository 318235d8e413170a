// bughunt show N — the broken program with line numbers, its job and its
// symptom; nothing that names the mistake (the title, the detector).
#include <fmt/format.h>

#include "harness/bughunt/text.h"
#include "harness/bughunt/verbs.h"

namespace bughunt {

Action setup_show(CLI::App& command) {
  auto id = add_case_argument(command);
  return [id](Context& ctx) {
    const Case& c = ctx.find(*id);
    const std::string text = read_file(ctx.source(c, Variant::kBug));
    fmt::print("{}: {}  (file {})\n\n", ctx.bold("case " + c.number() + ", " + c.slug), c.job,
               source_path(c, Variant::kBug).string());
    int n = 0;
    for (std::string_view line : lines_of(text)) {
      fmt::print("{} {}\n", ctx.paint(fmt::terminal_color::bright_black, fmt::format("{:>4}", ++n)),
                 line);
    }
    fmt::print("\n{} {}\n", ctx.bold("Symptom:"), c.symptom);
    fmt::print("Run it: bughunt run {}    a nudge: bughunt hint {}\n", c.id, c.id);
    return 0;
  };
}

}  // namespace bughunt
