// The classifier: what one run of one detector showed.
#include <fmt/format.h>

#include <map>
#include <optional>
#include <regex>

#include "harness/bughunt/matrix/matrix.h"
#include "harness/bughunt/report.h"
#include "harness/bughunt/text.h"

namespace bughunt {

namespace {

// The headline of the first report from `source` and of `kind` (any kind when
// nullopt); empty when there is none.
std::string headline_of(const std::vector<Report>& reports, std::optional<Source> source,
                        std::optional<Kind> kind = std::nullopt) {
  for (const Report& r : reports) {
    if ((!source || r.source == *source) && (!kind || r.kind == *kind)) return r.headline;
  }
  return {};
}

// The tool's own report in `outcome`, or empty.
std::string report_of(ReportFormat tool, const Outcome& outcome,
                      const std::vector<Report>& reports) {
  switch (tool) {
    case ReportFormat::kSanitizer: {
      if (!has_sanitizer_report(outcome.output)) return {};
      if (std::string headline = headline_of(reports, Source::kSanitizer); !headline.empty())
        return headline;
      // No report of a known shape: the runtime's own line, such as
      // "ThreadSanitizer:DEADLYSIGNAL".
      for (std::string_view line : lines_of(outcome.output)) {
        if (has_sanitizer_report(line)) return std::string(drop_pid_prefix(line));
      }
      return {};
    }
    case ReportFormat::kValgrind: {
      // Valgrind exits 99 on errors; a run that died before its summary counts
      // by that exit status.
      const int errors = valgrind_error_count(outcome.output);
      if (errors == 0 || (errors < 0 && outcome.exit_code != 99)) return {};
      std::string headline = headline_of(reports, Source::kValgrind);
      return headline.empty() ? fmt::format("ERROR SUMMARY: {} errors", errors) : headline;
    }
    case ReportFormat::kAssertion:
    case ReportFormat::kClangTidy:
      return {};
  }
  return {};
}

// What a run that failed without the tool's report shows: its death (the
// signal, or the C library's or Valgrind's line on it), else its exit status.
std::string crash_line(const Outcome& outcome, const std::vector<Report>& reports) {
  std::string death = headline_of(reports, std::nullopt, Kind::kSignal);
  return death.empty() ? fmt::format("exit status {}", outcome.exit_code) : death;
}

}  // namespace

std::string_view name(Result r) {
  switch (r) {
    case Result::kReport:
      return "report";
    case Result::kAssertion:
      return "assertion";
    case Result::kCrash:
      return "crash";
    case Result::kMissed:
      return "missed";
    case Result::kTimeout:
      return "timeout";
    case Result::kClean:
      return "clean";
    case Result::kFalseAlarm:
      return "false alarm";
  }
  return "?";
}

Finding classify(ReportFormat tool, Variant variant, const Outcome& outcome) {
  const bool bug = variant == Variant::kBug;
  const std::vector<Report> reports = read_reports(outcome.output, outcome.exit_code);
  // A report printed before the time limit struck stands: the detector has
  // spoken. (TSan can hang in its own signal handler after a stack overflow's
  // first line.)
  const std::string report = report_of(tool, outcome, reports);
  if (!report.empty()) return {bug ? Result::kReport : Result::kFalseAlarm, report};
  if (outcome.timed_out) return {Result::kTimeout, "stopped by the time limit"};
  if (outcome.exit_code == 0)
    return bug ? Finding{Result::kMissed, "passed"} : Finding{Result::kClean, "clean"};
  const std::string assertion = headline_of(reports, std::nullopt, Kind::kAssertion);
  if (!bug)
    return {Result::kFalseAlarm, assertion.empty() ? crash_line(outcome, reports) : assertion};
  if (!assertion.empty()) return {Result::kAssertion, assertion};
  return {Result::kCrash, crash_line(outcome, reports)};
}

std::vector<TidyWarning> tidy_warnings(std::string_view output, std::string_view file) {
  static const std::regex warning(R"(^(.*):\d+:\d+: warning: (.*) \[([^\]]+)\]$)");
  std::vector<TidyWarning> found;
  const std::vector<std::string_view> lines = lines_of(output);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_search(lines[i].begin(), lines[i].end(), m, warning)) continue;
    if (!std::string_view(m[1].first, m[1].second).ends_with(file)) continue;
    TidyWarning w;
    w.headline = std::string(trim(lines[i]));
    w.message = m[2].str();
    w.check = m[3].str();
    found.push_back(std::move(w));
  }
  return found;
}

Finding classify_tidy(Variant variant, const Outcome& outcome, std::string_view file,
                      const std::vector<TidyWarning>& other_variant) {
  if (outcome.timed_out) return {Result::kTimeout, "stopped by the time limit"};
  static const std::regex error(R"(: error: )");
  for (std::string_view line : lines_of(outcome.output)) {
    if (matches(line, error)) {
      return {variant == Variant::kBug ? Result::kCrash : Result::kFalseAlarm,
              std::string(trim(line))};
    }
  }
  const std::vector<TidyWarning> mine = tidy_warnings(outcome.output, file);
  // Twins are counted: a message the bug repeats more often than the fix is
  // the bug's own the extra times.
  // Names in quotes are masked: a fix that renames a variable keeps its warnings' twins.
  static const std::regex quoted("'[^']*'");
  auto key = [](const TidyWarning& w) {
    return std::pair(w.check, std::regex_replace(w.message, quoted, "'_'"));
  };
  std::map<std::pair<std::string, std::string>, int> twins;
  for (const TidyWarning& w : other_variant) ++twins[key(w)];
  const TidyWarning* own = nullptr;
  for (const TidyWarning& w : mine) {
    if (twins[key(w)]-- <= 0) {
      own = &w;
      break;
    }
  }
  if (variant == Variant::kFix) {
    if (mine.empty()) return {Result::kClean, "clean"};
    return {Result::kFalseAlarm, own ? own->headline : mine.front().headline};
  }
  if (own != nullptr) return {Result::kReport, own->headline};
  if (mine.empty()) return {Result::kMissed, "no warning"};
  return {Result::kMissed, fmt::format("{} warning{}, each also on the fix", mine.size(),
                                       mine.size() == 1 ? "" : "s")};
}

std::string normalise_evidence(std::string_view line, std::string_view source_dir) {
  std::string text(line);
  if (!source_dir.empty()) {
    const std::string prefix = std::string(source_dir) + "/";
    for (std::size_t at; (at = text.find(prefix)) != std::string::npos;)
      text.erase(at, prefix.size());
  }
  // A quoted value holding unprintable bytes (gtest writes "\xA7\0") differs
  // from run to run (in case 08 it is freed memory), so only its kind is kept.
  static const std::regex literals(R"("(?:[^"\\]|\\.)*"(?: "(?:[^"\\]|\\.)*")*)");
  static const std::regex unprintable(R"(\\(?:x[0-9A-Fa-f]|[0-7abfv]))");
  std::string masked;
  auto from = text.cbegin();
  for (auto it = std::sregex_iterator(text.begin(), text.end(), literals);
       it != std::sregex_iterator(); ++it) {
    masked.append(from, (*it)[0].first);
    masked += std::regex_search(it->str(), unprintable) ? "\"<unprintable bytes>\"" : it->str();
    from = (*it)[0].second;
  }
  masked.append(from, text.cend());
  text = std::move(masked);
  // Process and system thread ids (TSan names the latter "T12345", or
  // "tid=12345" when its own check fails), and Valgrind's thread numbers,
  // which follow the order threads happened to run.
  static const std::regex id(R"(\b([pt]id)=\d+)");
  static const std::regex tid(R"(\bT\d{3,}\b)");
  static const std::regex valgrind_thread(R"(\b([Tt]hread) (#?)\d+\b)");
  text = std::regex_replace(text, id, "$1=N");
  text = std::regex_replace(text, tid, "T...");
  text = std::regex_replace(text, valgrind_thread, "$1 $2N");
  // Addresses change from run to run, registers too; an address near null
  // (a field of a null pointer) does not, and tells the story.
  static const std::regex hex(R"((address )?0x[0-9a-fA-F]+)");
  std::string out;
  auto last = text.cbegin();
  for (auto it = std::sregex_iterator(text.begin(), text.end(), hex); it != std::sregex_iterator();
       ++it) {
    out.append(last, (*it)[0].first);
    const std::string digits = it->str().substr(it->str().find("0x") + 2);
    const bool near_null =
        (*it)[1].matched && digits.size() <= 16 && std::stoull(digits, nullptr, 16) < 0x10000;
    out += near_null ? it->str() : fmt::format("{}0x...", (*it)[1].str());
    last = (*it)[0].second;
  }
  out.append(last, text.cend());
  constexpr std::size_t kMax = 240;
  if (out.size() > kMax) out = out.substr(0, kMax - 3) + "...";
  return out;
}

// --- the detectors ---------------------------------------------------------

}  // namespace bughunt
