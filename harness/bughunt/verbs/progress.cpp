// bughunt progress [--json] — every case with its state in the workspace
// (untouched, started, solved, revealed), the hints seen, how its change was
// reviewed (bughunt review), a count and a bar.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "harness/bughunt/practice/workspace.h"
#include "harness/bughunt/verbs.h"

namespace bughunt {

namespace {

constexpr int kBarWidth = 40;

fmt::terminal_color colour_of(State s) {
  switch (s) {
    case State::kSolved:
      return fmt::terminal_color::green;
    case State::kRevealed:
      return fmt::terminal_color::yellow;
    case State::kStarted:
      return fmt::terminal_color::cyan;
    case State::kUntouched:
      break;
  }
  return fmt::terminal_color::white;
}

// "right", "close", "wrong" in colour, or "-" for a change not reviewed yet.
std::string review_of(const Context& ctx, const CaseProgress& at) {
  if (!at.review) return "-     ";
  const fmt::terminal_color colour = *at.review == Review::kRight   ? fmt::terminal_color::green
                                     : *at.review == Review::kClose ? fmt::terminal_color::yellow
                                                                    : fmt::terminal_color::red;
  return ctx.paint(colour, fmt::format("{:<6}", name(*at.review)));
}

int count(const Context& ctx, const Progress& p, State s) {
  int n = 0;
  for (const Case& c : ctx.cases) n += p.at(c).state == s;
  return n;
}

void print_table(const Context& ctx, const Progress& p) {
  fmt::print("{:>4}  {:<10} {:<6} {}\n", "case", "state", "review", "hints seen");
  int reviewed = 0;
  int right = 0;
  for (const Case& c : ctx.cases) {
    const CaseProgress at = p.at(c);
    reviewed += at.review.has_value();
    right += at.review == Review::kRight;
    fmt::print("{:>4}  {} {} {} of {}{}\n", c.number(),
               ctx.paint(colour_of(at.state), fmt::format("{:<10}", name(at.state))),
               review_of(ctx, at), at.hints_seen, c.hints.size(),
               c.id == p.last ? "   (last worked on)" : "");
  }
  const int total = static_cast<int>(ctx.cases.size());
  const int solved = count(ctx, p, State::kSolved);
  const int filled = total == 0 ? 0 : solved * kBarWidth / total;
  fmt::print("\n[{}{}] {} of {} solved, {} revealed, {} started\n",
             ctx.paint(fmt::terminal_color::green, std::string(filled, '#')),
             std::string(kBarWidth - filled, '.'), solved, total, count(ctx, p, State::kRevealed),
             count(ctx, p, State::kStarted));
  if (reviewed > 0) fmt::print("{} of {} changes reviewed, {} right\n", reviewed, total, right);
}

void print_json(const Context& ctx, const Workspace& ws, const Progress& p) {
  nlohmann::json cases = nlohmann::json::array();
  for (const Case& c : ctx.cases) {
    const CaseProgress at = p.at(c);
    cases.push_back({{"id", c.id},
                     {"state", name(at.state)},
                     {"hints_seen", at.hints_seen},
                     {"hints", c.hints.size()},
                     {"review", at.review ? nlohmann::json(name(*at.review)) : nullptr},
                     {"file", ws.file(c).string()}});
  }
  const nlohmann::json doc = {{"workspace", ws.dir().string()},
                              {"last", p.last},
                              {"solved", count(ctx, p, State::kSolved)},
                              {"total", ctx.cases.size()},
                              {"cases", cases}};
  fmt::print("{}\n", doc.dump(2));
}

}  // namespace

Action setup_progress(CLI::App& command) {
  auto json = std::make_shared<bool>(false);
  command.add_flag("--json", *json, "Print the progress as JSON, for tools");
  return [json](Context& ctx) {
    const Workspace ws(ctx.workspace);
    ws.require();
    const Progress p = ws.load();
    if (*json) {
      print_json(ctx, ws, p);
    } else {
      print_table(ctx, p);
    }
    return 0;
  };
}

}  // namespace bughunt
