// bughunt list [--json] — the cases, one line each.
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "harness/bughunt/verbs.h"

namespace bughunt {

namespace {

std::size_t terminal_width() {
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 100;
}

void print_json(const Context& ctx) {
  nlohmann::json out = nlohmann::json::array();
  for (const Case& c : ctx.cases) {
    out.push_back({{"id", c.id},
                   {"slug", c.slug},
                   {"title", c.title},
                   {"detector", name(c.detector)},
                   {"symptom", c.symptom}});
  }
  fmt::print("{}\n", out.dump(2));
}

void print_table(const Context& ctx) {
  std::size_t title_width = 5;
  for (const Case& c : ctx.cases) title_width = std::max(title_width, c.title.size());
  const bool fit = ctx.colour;  // on a terminal, one line per case
  const std::size_t used = 4 + title_width + 2 + 8;
  const std::size_t width = terminal_width();
  for (const Case& c : ctx.cases) {
    std::string symptom = c.symptom;
    if (fit && used + 10 < width && symptom.size() > width - used) {
      symptom = symptom.substr(0, width - used - 3) + "...";
    }
    // Padded before it is painted: the colour codes take no column.
    fmt::print("{:>2}  {:<{}}  {}  {}\n", c.id, c.title, title_width,
               ctx.paint(fmt::terminal_color::cyan, fmt::format("{:<6}", name(c.detector))),
               symptom);
  }
}

}  // namespace

Action setup_list(CLI::App& command) {
  auto json = std::make_shared<bool>(false);
  command.add_flag("--json", *json, "Print JSON for tools");
  return [json](Context& ctx) {
    *json ? print_json(ctx) : print_table(ctx);
    return 0;
  };
}

}  // namespace bughunt
