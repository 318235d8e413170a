// bughunt list [--reveal] [--json] — the cases: number, program, its job and
// the symptom; --reveal adds the title and the detector, which name the mistake.
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

void print_json(const Context& ctx, bool reveal) {
  nlohmann::json out = nlohmann::json::array();
  for (const Case& c : ctx.cases) {
    nlohmann::json entry = {{"id", c.id}, {"slug", c.slug}, {"job", c.job}, {"symptom", c.symptom}};
    if (reveal) {
      entry["title"] = c.title;
      entry["detector"] = name(c.detector);
    }
    out.push_back(std::move(entry));
  }
  fmt::print("{}\n", out.dump(2));
}

// On a terminal a line is cut to its width; piped, it is whole.
std::string fitted(const Context& ctx, std::string text, std::size_t indent) {
  const std::size_t width = terminal_width();
  if (ctx.colour && indent + 10 < width && text.size() > width - indent) {
    text = text.substr(0, width - indent - 3) + "...";
  }
  return text;
}

// Two lines a case: its number, program and job (or, revealed, the title and
// the detector), then the symptom beneath the program.
void print_table(const Context& ctx, bool reveal) {
  std::size_t slug_width = 4;
  for (const Case& c : ctx.cases) slug_width = std::max(slug_width, c.slug.size());
  const std::size_t indent = 4 + slug_width + 2;
  for (const Case& c : ctx.cases) {
    const std::string about =
        reveal ? fmt::format("{}  {}", c.title,
                             ctx.paint(fmt::terminal_color::cyan, std::string(name(c.detector))))
               : fitted(ctx, c.job, indent);
    // Padded before it is painted: the colour codes take no column.
    fmt::print("{:>2}  {}  {}\n", c.id, ctx.bold(fmt::format("{:<{}}", c.slug, slug_width)), about);
    fmt::print("{:{}}{}\n", "", indent, fitted(ctx, c.symptom, indent));
  }
}

}  // namespace

Action setup_list(CLI::App& command) {
  auto json = std::make_shared<bool>(false);
  auto reveal = std::make_shared<bool>(false);
  command.add_flag("--json", *json, "Print JSON for tools");
  command.add_flag("--reveal", *reveal,
                   "Add each case's title and detector (they name the mistake)");
  return [json, reveal](Context& ctx) {
    *json ? print_json(ctx, *reveal) : print_table(ctx, *reveal);
    return 0;
  };
}

}  // namespace bughunt
