// bughunt review N [--answer LINE[,LINE] | --approve] — the case as a pull
// request: its title, its author's description and the diff from the fixed
// program to the broken one, nothing else. With an answer it grades the
// review (approving is always wrong; a declared line is right, one near it
// close) and then tells all: the symptom, the report, the explanation.
// bughunt review --round [N...] [--reveal] — the changes one after another
// for a room, the answers held back until --reveal.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <sstream>

#include "harness/bughunt/change.h"
#include "harness/bughunt/fix_diff.h"
#include "harness/bughunt/practice/workspace.h"
#include "harness/bughunt/text.h"
#include "harness/bughunt/verbs.h"

namespace bughunt {

namespace {

// More lines than this is a guess spread over the file, not a review.
constexpr std::size_t kMostLines = 3;

// The patch with the bug file's line numbers in a gutter, as a review tool shows
// it: the numbers an answer names. Removed lines have none.
void print_patch(const Context& ctx, std::string_view patch) {
  using Kind = PatchLine::Kind;
  for (const PatchLine& l : patch_lines(patch)) {
    const auto gutter = [&] {
      return ctx.paint(fmt::terminal_color::bright_black,
                       l.number ? fmt::format("{:>4} ", l.number) : std::string(5, ' '));
    };
    if (l.kind == Kind::kFile || l.kind == Kind::kHunk) {
      fmt::print("{}\n", coloured_diff_line(ctx, l.text));
    } else if (l.kind == Kind::kAdded || l.kind == Kind::kRemoved) {
      fmt::print("{}{}\n", gutter(), coloured_diff_line(ctx, l.text));
    } else if (l.text == " ") {  // an empty line of context: no trailing blanks
      fmt::print("{}\n",
                 ctx.paint(fmt::terminal_color::bright_black, fmt::format("{:>4}", l.number)));
    } else {
      fmt::print("{}{}\n", gutter(), l.text);  // context, or "\ No newline at end of file"
    }
  }
}

// `text` broken into lines of at most `width` characters, at spaces.
std::string wrapped(std::string_view text, std::size_t width = 78) {
  std::string out;
  std::size_t column = 0;
  std::istringstream words{std::string(text)};
  for (std::string word; words >> word;) {
    if (column > 0 && column + 1 + word.size() > width) {
      out += '\n';
      column = 0;
    } else if (column > 0) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
  }
  return out;
}

// The change: its title, its description and the patch, then (`how_to_answer`)
// the two commands that answer it.
void print_request(const Context& ctx, const Case& c, bool how_to_answer = true) {
  fmt::print("{}\n\n{}\n\n", ctx.bold(c.change_title), wrapped(c.change_description));
  print_patch(ctx, change_diff(ctx.source_dir, c));
  if (!how_to_answer) return;
  fmt::print(
      "\nApprove it:    bughunt review {0} --approve\n"
      "Send it back:  bughunt review {0} --answer LINE[,LINE]  (the line numbers of {1})\n",
      c.id, source_path(c, Variant::kBug).string());
}

// "24,25": the lines an answer points at, each a line of the bug file.
std::vector<int> answer_lines(const Context& ctx, const Case& c, std::string_view answer) {
  const std::string file = source_path(c, Variant::kBug).string();
  const int count = static_cast<int>(lines_of(read_file(ctx.source(c, Variant::kBug))).size());
  std::vector<int> lines;
  std::size_t start = 0;
  while (start <= answer.size()) {
    const std::size_t comma = std::min(answer.find(',', start), answer.size());
    const std::string_view text = trim(answer.substr(start, comma - start));
    int line = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), line);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
      throw Stop(2, fmt::format("--answer \"{}\": \"{}\" is not a line number (e.g. --answer 12 "
                                "or --answer 12,30)",
                                answer, text));
    }
    if (line < 1 || line > count) {
      throw Stop(2, fmt::format("--answer: line {} is not in {}, which has lines 1 to {}", line,
                                file, count));
    }
    lines.push_back(line);
    start = comma + 1;
  }
  if (lines.size() > kMostLines) {
    throw Stop(2, fmt::format("--answer: {} lines; point at {} at most, where the change goes "
                              "wrong",
                              lines.size(), kMostLines));
  }
  return lines;
}

void print_story(const Context& ctx, const Case& c);

void print_verdict(const Context& ctx, const Case& c, const std::vector<int>& lines, bool approve,
                   Review g) {
  const std::string where = lines_named(c.lines);
  const std::string pointed = lines_named(lines);
  std::string verdict;
  if (approve) {
    verdict = fmt::format("{} this change breaks the program: it goes wrong at {}.",
                          ctx.paint(fmt::terminal_color::red, "Wrong:"), where);
  } else if (g == Review::kRight) {
    verdict = fmt::format("{} the change goes wrong at {}.",
                          ctx.paint(fmt::terminal_color::green, "Right:"), where);
  } else if (g == Review::kClose) {
    verdict = fmt::format("{} you pointed at {}; the change goes wrong at {}.",
                          ctx.paint(fmt::terminal_color::yellow, "Close:"), pointed, where);
  } else {
    verdict = fmt::format("{} you pointed at {}; the change goes wrong at {}.",
                          ctx.paint(fmt::terminal_color::red, "Wrong:"), pointed, where);
  }
  fmt::print("{}\n\n", verdict);
  print_story(ctx, c);
}

// What an answer reveals: the mistake's title, its symptom, its report and the explanation.
void print_story(const Context& ctx, const Case& c) {
  fmt::print("{}\n\n", ctx.bold("case " + c.number() + ": " + c.title));
  fmt::print("{}\n{}\n\n", ctx.bold("Symptom"), c.symptom);
  const std::string report =
      c.detector == Detector::kAssert
          ? fmt::format("The scenario's check fails: {}", c.expect)
          : fmt::format("Built with {}, the run reports: {}", name(c.detector_flavour()), c.expect);
  fmt::print("{}\n{}\n(`bughunt run {}` runs it and shows the report in short.)\n\n",
             ctx.bold("Report"), report, c.id);
  fmt::print("{}\n{}\n\n{}\n{}\n\n{}\n{}\n", ctx.bold("Cause"), c.cause, ctx.bold("Fix"), c.fix,
             ctx.bold("Rule"), c.rule);
}

struct Args {
  std::vector<std::string> ids;
  bool round = false;
  bool reveal = false;
  std::string answer;
  bool approve = false;
  bool give_up = false;
};

// Keeps the outcome in the workspace's progress, when there is a workspace and
// the case has no review yet: the first answer is the review.
std::string_view record(const Workspace& ws, const Case& c, Review g) {
  if (!std::filesystem::is_directory(ws.dir())) return "";
  Progress p = ws.load();
  std::optional<Review>& review = p.of(c).review;
  if (review) return "(The progress keeps your first review of this change.)\n";
  review = g;
  ws.save(p);
  return "(Kept in your progress: `bughunt progress` shows it.)\n";
}

// --round: the chosen changes one after another, for a room; with --reveal,
// each followed by where it goes wrong and the story.
int round(const Context& ctx, const Args& args) {
  const std::vector<const Case*> cases = ctx.chosen(args.ids);
  const Workspace ws(ctx.workspace);
  if (args.reveal) {
    for (const Case* c : cases) allow_reveal(ws, *c, args.give_up);
  }
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const Case& c = *cases[i];
    if (i > 0) fmt::print("\n");
    fmt::print("{}\n\n", ctx.paint(fmt::terminal_color::bright_black,
                                   fmt::format("== Change {} of {} (case {}) ==", i + 1,
                                               cases.size(), c.number())));
    print_request(ctx, c, false);
    if (!args.reveal) continue;
    fmt::print("\n{} the change goes wrong at {}.\n\n", ctx.bold("Answer:"), lines_named(c.lines));
    print_story(ctx, c);
  }
  if (!args.reveal) {
    std::string ids;
    for (const Case* c : cases) ids += fmt::format(" {}", c->id);
    fmt::print("\n(The answers: bughunt review --round{} --reveal)\n", ids);
  }
  return 0;
}

int review(const Context& ctx, const Args& args, bool answered) {
  if (args.round) return round(ctx, args);
  if (args.ids.size() != 1) {
    throw Stop(2, "review takes one case (bughunt review N); `--round N...` shows several");
  }
  const Case& c = ctx.find(args.ids.front());
  if (!answered && !args.approve) {
    print_request(ctx, c);
    return 0;
  }
  const std::vector<int> lines =
      args.approve ? std::vector<int>{} : answer_lines(ctx, c, args.answer);
  // The answer tells the explanation: not of a case in practice, unless given up.
  const Workspace ws(ctx.workspace);
  allow_reveal(ws, c, args.give_up);
  const Review g = grade(c, lines, args.approve);
  print_verdict(ctx, c, lines, args.approve, g);
  fmt::print("\n{}", record(ws, c, g));
  return g == Review::kRight ? 0 : 1;
}

}  // namespace

Action setup_review(CLI::App& command) {
  auto args = std::make_shared<Args>();
  command.add_option("cases", args->ids,
                     "Case number (2 or 02) or slug; with --round, several (default: all)");
  CLI::Option* answer = command.add_option(
      "--answer", args->answer, "Send the change back, pointing at the lines that must change");
  CLI::Option* approve =
      command.add_flag("--approve", args->approve, "Approve the change as it is")->excludes(answer);
  CLI::Option* round = command.add_flag(
      "--round", args->round, "The chosen changes one after another, to project for a room");
  round->excludes(answer)->excludes(approve);
  command.add_flag("--reveal", args->reveal, "With --round: each change's answer after it")
      ->needs(round);
  command.add_flag("--give-up", args->give_up,
                   "Answer for a case you are practising and have not solved (recorded as "
                   "revealed)");
  return [args, answer](Context& ctx) { return review(ctx, *args, answer->count() > 0); };
}

}  // namespace bughunt
