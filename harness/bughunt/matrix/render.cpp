// Rendering the matrix: docs/matrix.md's table and evidence, the JSON of
// every cell, the terminal summary.
#include <fmt/format.h>

#include <map>

#include "harness/bughunt/matrix/matrix.h"

namespace bughunt {

namespace {

std::string short_result(Result r) {
  switch (r) {
    case Result::kReport:
      return "report";
    case Result::kAssertion:
      return "assert";
    case Result::kCrash:
      return "crash";
    case Result::kMissed:
      return "-";
    case Result::kTimeout:
      return "timeout";
    default:
      return std::string(name(r));
  }
}

std::string percent(int part, int whole) {
  if (whole == 0) return "-";
  return fmt::format("{}%", (part * 100 + whole / 2) / whole);
}

struct Tally {
  int report = 0, assertion = 0, crash = 0, missed = 0, timeout = 0;
  int clean = 0, false_alarms = 0, fix_timeout = 0;
  double seconds = 0;
  int caught() const { return report + assertion; }
  int bugs() const { return report + assertion + crash + missed + timeout; }
  nlohmann::json json() const {
    return {
        {"caught", caught()},
        {"report", report},
        {"assertion", assertion},
        {"crash", crash},
        {"missed", missed},
        {"timeout", timeout},
        {"clean", clean},
        {"false_alarms", false_alarms},
        {"fix_timeout", fix_timeout},
        {"precision", caught() + false_alarms ? double(caught()) / (caught() + false_alarms) : 0.0},
        {"recall", bugs() ? double(caught()) / bugs() : 0.0},
        {"seconds", seconds}};
  }
};

void count(Tally& t, const Cell& cell) {
  t.seconds += cell.seconds;
  switch (cell.finding.result) {
    case Result::kReport:
      ++t.report;
      break;
    case Result::kAssertion:
      ++t.assertion;
      break;
    case Result::kCrash:
      ++t.crash;
      break;
    case Result::kMissed:
      ++t.missed;
      break;
    case Result::kTimeout:
      cell.variant == Variant::kBug ? ++t.timeout : ++t.fix_timeout;
      break;
    case Result::kClean:
      ++t.clean;
      break;
    case Result::kFalseAlarm:
      ++t.false_alarms;
      break;
  }
}

// Replaces the body between <!-- matrix:NAME --> and <!-- /matrix:NAME -->,
// or appends the region when the document lacks it.
std::string fill_region(std::string doc, std::string_view region, std::string_view body) {
  const std::string open = fmt::format("<!-- matrix:{} -->", region);
  const std::string close = fmt::format("<!-- /matrix:{} -->", region);
  const std::size_t begin = doc.find(open);
  const std::size_t end = begin == std::string::npos ? begin : doc.find(close, begin);
  if (begin == std::string::npos || end == std::string::npos) {
    if (!doc.empty() && !doc.ends_with("\n\n")) doc += doc.ends_with('\n') ? "\n" : "\n\n";
    return fmt::format("{}{}\n{}{}\n", doc, open, body, close);
  }
  return doc.replace(begin, end - begin, fmt::format("{}\n{}", open, body));
}

constexpr std::string_view kSkeleton =
    "# Detection matrix\n\n"
    "Which detector catches which bug: every case's broken program and its fix, run under each\n"
    "tool. `bughunt matrix` writes the marked sections; the findings are written by hand.\n\n"
    "<!-- matrix:table -->\n<!-- /matrix:table -->\n\n"
    "## Findings\n\n"
    "<!-- matrix:evidence -->\n<!-- /matrix:evidence -->\n";

std::string code_span(std::string_view text) {
  return text.find('`') == std::string_view::npos ? fmt::format("`{}`", text)
                                                  : fmt::format("`` {} ``", text);
}

std::map<std::string, Tally> tallies(const MatrixRun& run) {
  std::map<std::string, Tally> tally;
  for (const Cell& cell : run.cells) count(tally[cell.d->name], cell);
  return tally;
}

bool is_home(const MatrixDetector& d, const Case& c) { return d.home == c.detector; }

// How many cases their declared detector caught, of those it ran on.
std::pair<int, int> declared_record(const MatrixRun& run) {
  int caught_count = 0, ran = 0;
  for (int i = 0; i < static_cast<int>(run.cases.size()); ++i) {
    for (const MatrixDetector* d : run.detectors) {
      if (!is_home(*d, run.cases[i])) continue;
      const Cell* bug = run.find(i, *d, Variant::kBug);
      ran += bug != nullptr;
      caught_count += bug != nullptr && caught(bug->finding.result);
    }
  }
  return {caught_count, ran};
}

std::string tally_table(const MatrixRun& run) {
  const std::map<std::string, Tally> tally = tallies(run);
  std::string table =
      "| detector | caught | by report | by assertion | crash | missed | timeout | false alarms "
      "| precision | recall | wall time |\n|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const MatrixDetector* d : run.detectors) {
    const Tally& t = tally.at(d->name);
    table += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {:.1f} s |\n",
                         d->name, t.caught(), t.report, t.assertion, t.crash, t.missed, t.timeout,
                         t.false_alarms, percent(t.caught(), t.caught() + t.false_alarms),
                         percent(t.caught(), t.bugs()), t.seconds);
  }
  return table;
}

std::string cell_table(const MatrixRun& run) {
  std::string table = "| case |";
  for (const MatrixDetector* d : run.detectors) table += fmt::format(" {} |", d->name);
  table += "\n|---|";
  for (std::size_t i = 0; i < run.detectors.size(); ++i) table += "---|";
  table += "\n";
  for (int i = 0; i < static_cast<int>(run.cases.size()); ++i) {
    const Case& c = run.cases[i];
    table += fmt::format("| {} {} |", c.number(), c.slug);
    for (const MatrixDetector* d : run.detectors) {
      const Cell* bug = run.find(i, *d, Variant::kBug);
      const Cell* fix = run.find(i, *d, Variant::kFix);
      std::string text = short_result(bug->finding.result);
      if (is_home(*d, c)) text = fmt::format("**{}**", text);
      if (fix->finding.result == Result::kFalseAlarm) text += " FA";
      if (fix->finding.result == Result::kTimeout) text += " FT";
      table += fmt::format(" {} |", text);
    }
    table += "\n";
  }
  return table;
}

// What a run did after its finding, if anything.
std::string after(const Cell& cell) {
  if (cell.hung_after_report) {
    return fmt::format(", then it did not exit and was stopped {} s later",
                       kAfterFatalReport.count());
  }
  return cell.timed_out && cell.finding.result != Result::kTimeout
             ? ", then it hung until the time limit"
             : "";
}

}  // namespace

std::string render_table(const MatrixRun& run) {
  std::string table = fmt::format(
      "Measured on {} (UTC) by `bughunt matrix`: {} cases, each bug and each fix under {} "
      "detectors, at most {} s a run.\n\n",
      run.date, run.cases.size(), run.detectors.size(), run.limit.count());
  table += cell_table(run);
  table +=
      "\nA cell says how the bug's run ended: `report` (the detector's own report), `assert` "
      "(no report, but the scenario's assertion failed), `crash` (it died with neither), `-` "
      "(missed: it passed), `timeout`. `FA` marks a false alarm: the fix did not run clean "
      "under that detector (`FT`: the fix ran out of time). Bold: the case's declared "
      "detector.\n\n";
  table += tally_table(run);
  const auto [declared_caught, declared_run] = declared_record(run);
  table += fmt::format(
      "\nCaught means a report or a failed assertion; a crash fails a CI run too but names no "
      "cause, so recall leaves it out. Recall is caught bugs over bugs; precision is caught "
      "bugs over caught bugs plus false alarms on the fixes. Wall time is the sum of the "
      "detector's runs (bug and fix); building took {:.0f} s, the whole matrix {:.0f} s. "
      "Declared detectors caught {} of their {} cases.\n\n",
      run.build_seconds, run.total_seconds, declared_caught, declared_run);
  table += "Detectors:\n\n";
  for (const MatrixDetector* d : run.detectors)
    table += fmt::format("- `{}`: {}\n", d->name, d->what);
  for (const std::string& line : run.not_run) table += fmt::format("- not run: {}\n", line);
  table += "\nTools:\n\n";
  for (const auto& [tool, version] : run.tools) table += fmt::format("- {}: {}\n", tool, version);
  return table;
}

std::string render_evidence(const MatrixRun& run) {
  std::string evidence =
      "## Evidence\n\nThe first report line of each bug run that was not missed and of each fix "
      "run that was not clean, with the source tree's path dropped and addresses masked.\n";
  for (int i = 0; i < static_cast<int>(run.cases.size()); ++i) {
    std::string lines;
    for (const MatrixDetector* d : run.detectors) {
      const Cell* bug = run.find(i, *d, Variant::kBug);
      const Cell* fix = run.find(i, *d, Variant::kFix);
      if (bug->finding.result != Result::kMissed) {
        lines += fmt::format("- {} ({}): {}{}\n", d->name, name(bug->finding.result),
                             code_span(bug->finding.evidence), after(*bug));
      }
      if (fix->finding.result != Result::kClean) {
        lines += fmt::format("- {} on the fix ({}): {}{}\n", d->name, name(fix->finding.result),
                             code_span(fix->finding.evidence), after(*fix));
      }
    }
    evidence += fmt::format("\n### {} {}\n\n{}", run.cases[i].number(), run.cases[i].slug,
                            lines.empty() ? "Nothing reported.\n" : lines);
  }
  return evidence;
}

std::string render_document(std::string doc, const MatrixRun& run) {
  if (doc.empty()) doc = kSkeleton;
  doc = fill_region(doc, "table", render_table(run));
  return fill_region(doc, "evidence", render_evidence(run));
}

nlohmann::json render_json(const MatrixRun& run) {
  const std::map<std::string, Tally> tally = tallies(run);
  nlohmann::json doc = {{"date", run.date},
                        {"sources", run.sources},
                        {"limit_seconds", run.limit.count()},
                        {"build_seconds", run.build_seconds},
                        {"total_seconds", run.total_seconds},
                        {"tools", run.tools},
                        {"not_run", run.not_run},
                        {"detectors", nlohmann::json::array()},
                        {"cases", nlohmann::json::array()}};
  for (const MatrixDetector* d : run.detectors) {
    doc["detectors"].push_back({{"name", d->name},
                                {"what", d->what},
                                {"declared_for", d->home ? std::string(name(*d->home)) : ""},
                                {"summary", tally.at(d->name).json()}});
  }
  for (int i = 0; i < static_cast<int>(run.cases.size()); ++i) {
    const Case& c = run.cases[i];
    nlohmann::json row = {{"id", c.id}, {"slug", c.slug}, {"detector", name(c.detector)}};
    for (Variant v : {Variant::kBug, Variant::kFix}) {
      nlohmann::json runs = nlohmann::json::object();
      for (const MatrixDetector* d : run.detectors) {
        const Cell* cell = run.find(i, *d, v);
        runs[d->name] = {{"result", name(cell->finding.result)},
                         {"evidence", cell->finding.evidence},
                         {"exit_code", cell->exit_code},
                         {"timed_out", cell->timed_out},
                         {"hung_after_report", cell->hung_after_report},
                         {"seconds", cell->seconds}};
      }
      row[std::string(name(v))] = runs;
    }
    doc["cases"].push_back(row);
  }
  return doc;
}

std::string render_summary(const MatrixRun& run) {
  const std::map<std::string, Tally> tally = tallies(run);
  std::string out = fmt::format(
      "{:<9} {:>6} {:>6} {:>6} {:>6} {:>6} {:>7} {:>5} {:>9} {:>6} {:>9}\n", "detector", "caught",
      "report", "assert", "crash", "missed", "timeout", "FA", "precision", "recall", "time");
  for (const MatrixDetector* d : run.detectors) {
    const Tally& t = tally.at(d->name);
    out += fmt::format("{:<9} {:>6} {:>6} {:>6} {:>6} {:>6} {:>7} {:>5} {:>9} {:>6} {:>8.1f}s\n",
                       d->name, t.caught(), t.report, t.assertion, t.crash, t.missed, t.timeout,
                       t.false_alarms, percent(t.caught(), t.caught() + t.false_alarms),
                       percent(t.caught(), t.bugs()), t.seconds);
  }
  out += fmt::format("\n{} cells in {:.0f} s (building: {:.0f} s); sources {}\n", run.cells.size(),
                     run.total_seconds, run.build_seconds, run.sources);
  return out;
}

}  // namespace bughunt
