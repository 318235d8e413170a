#include "harness/bughunt/verdict.h"

#include <fmt/format.h>

#include "harness/bughunt/report.h"

namespace bughunt {

bool runs_clean(const Outcome& outcome) {
  return outcome.exit_code == 0 && !outcome.timed_out && !has_sanitizer_report(outcome.output);
}

bool fails_with(const Outcome& outcome, std::string_view text) {
  return outcome.exit_code != 0 && !outcome.timed_out &&
         outcome.output.find(text) != std::string::npos;
}

std::string what_it_showed(const Outcome& outcome) {
  if (outcome.timed_out) return "timed out";
  if (runs_clean(outcome)) return "clean";
  const std::vector<Report> reports = read_reports(outcome.output, outcome.exit_code);
  if (!reports.empty()) return reports.front().headline;
  return fmt::format("exit status {}", outcome.exit_code);
}

Verdict judge(const Case& c, Variant variant, Flavour flavour, const Outcome& outcome) {
  Verdict v;
  const std::string who =
      fmt::format("case {} ({}) under {}", c.number(), name(variant), name(flavour));
  v.seen = what_it_showed(outcome);
  if (variant == Variant::kFix) {
    v.as_expected = runs_clean(outcome);
    v.line = v.as_expected ? fmt::format("{}: clean, as expected", who)
                           : fmt::format("{}: {}; expected a clean run", who, v.seen);
    return v;
  }
  const bool shows = fails_with(outcome, c.expect);
  if (flavour != c.detector_flavour()) {
    // No promise here; say what happened and where the declared report is.
    v.as_expected = true;
    v.line = fmt::format("{}: {} (its declared detector is {}: run it with --flavour {})", who,
                         shows ? c.expect : v.seen, name(c.detector), name(c.detector_flavour()));
    return v;
  }
  v.as_expected = shows;
  if (shows) v.seen = c.expect;
  v.line = shows ? fmt::format("{}: {}, as expected", who, c.expect)
                 : fmt::format("{}: {}; expected \"{}\"", who, v.seen, c.expect);
  return v;
}

}  // namespace bughunt
