#include "harness/bughunt/verdict.h"

#include <fmt/format.h>

#include <regex>

namespace bughunt {

namespace {

// Lines that open a report: the sanitizers' summary-worthy first lines, UBSan's
// "runtime error:", and GoogleTest's failure lines.
const std::regex& report_line() {
  static const std::regex pattern(
      "(ERROR: (Address|Leak|Thread|Memory)Sanitizer|WARNING: ThreadSanitizer|"
      "ThreadSanitizer:|runtime error:|Failure$|C\\+\\+ exception)");
  return pattern;
}

std::string_view trim(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '=')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

}  // namespace

std::string strip_colour(std::string_view text) {
  std::string plain;
  plain.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      i += 2;
      while (i < text.size() && text[i] != 'm') ++i;
      continue;
    }
    plain += text[i];
  }
  return plain;
}

bool has_sanitizer_report(std::string_view output) {
  static const std::regex pattern(
      "(Address|Thread|Leak|UndefinedBehavior|Memory)Sanitizer|runtime error:");
  return std::regex_search(output.begin(), output.end(), pattern);
}

std::string first_case_frame(std::string_view output) {
  static const std::regex frame(R"((bugs|fixes)/\d\d_\w+\.cpp:\d+)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_search(output.begin(), output.end(), m, frame)) return {};
  return m.str();
}

std::string first_report_line(std::string_view output) {
  std::size_t start = 0;
  while (start < output.size()) {
    std::size_t end = output.find('\n', start);
    if (end == std::string_view::npos) end = output.size();
    const std::string_view line = output.substr(start, end - start);
    if (std::regex_search(line.begin(), line.end(), report_line())) {
      // A gtest "path:line: Failure" is followed by the message that matters.
      if (line.ends_with("Failure") && end < output.size()) {
        std::size_t next_end = output.find('\n', end + 1);
        if (next_end == std::string_view::npos) next_end = output.size();
        return fmt::format("{} {}", trim(line), trim(output.substr(end + 1, next_end - end - 1)));
      }
      return std::string(trim(line));
    }
    start = end + 1;
  }
  return {};
}

Verdict judge(const Case& c, Variant variant, Flavour flavour, const Outcome& outcome) {
  Verdict v;
  const std::string who = fmt::format("case {} ({}) under {}", c.number(),
                                      variant == Variant::kBug ? "bug" : "fix", name(flavour));
  const bool clean = outcome.exit_code == 0 && !has_sanitizer_report(outcome.output);
  if (outcome.timed_out) {
    v.seen = "timed out";
  } else if (clean) {
    v.seen = "clean";
  } else {
    v.seen = first_report_line(outcome.output);
    if (v.seen.empty()) v.seen = fmt::format("exit status {}", outcome.exit_code);
  }

  if (variant == Variant::kFix) {
    v.as_expected = clean && !outcome.timed_out;
    v.line = v.as_expected ? fmt::format("{}: clean, as expected", who)
                           : fmt::format("{}: {}; expected a clean run", who, v.seen);
    return v;
  }
  const bool shows = outcome.exit_code != 0 && !outcome.timed_out &&
                     outcome.output.find(c.expect) != std::string::npos;
  if (flavour != c.detector_flavour()) {
    // No promise here; say what happened and where the declared report is.
    v.as_expected = true;
    v.line = fmt::format("{}: {} (its declared detector is {}: run it with --tool {})", who,
                         shows ? c.expect : v.seen, c.detector, name(c.detector_flavour()));
    return v;
  }
  v.as_expected = shows;
  if (shows) v.seen = c.expect;
  v.line = shows ? fmt::format("{}: {}, as expected", who, c.expect)
                 : fmt::format("{}: {}; expected \"{}\"", who, v.seen, c.expect);
  return v;
}

}  // namespace bughunt
