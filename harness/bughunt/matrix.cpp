#include "harness/bughunt/matrix.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

#include "harness/bughunt/process.h"
#include "harness/bughunt/report.h"
#include "harness/bughunt/text.h"

namespace fs = std::filesystem;

namespace bughunt {

namespace {

// --- reading reports -------------------------------------------------------

bool search(std::string_view text, const std::regex& pattern) {
  return std::regex_search(text.begin(), text.end(), pattern);
}

// "==1234==ERROR: ..." and "==1234== Invalid read ..." lose their pid prefix.
std::string_view drop_pid(std::string_view line) {
  static const std::regex prefix(R"(^==\d+== ?)");
  std::match_results<std::string_view::const_iterator> m;
  if (std::regex_search(line.begin(), line.end(), m, prefix)) line.remove_prefix(m.length(0));
  return trim(line);
}

std::string sanitizer_line(std::string_view output) {
  static const std::regex opener(
      "(ERROR|WARNING): (Address|Leak|Thread|Memory|UndefinedBehavior)Sanitizer|runtime error:");
  static const std::regex any("Sanitizer");
  for (const std::regex* pattern : {&opener, &any}) {
    for (std::string_view line : lines_of(output)) {
      if (search(line, *pattern)) return std::string(drop_pid(line));
    }
  }
  return {};
}

// The first failed check: gtest's "file:line: Failure" with the message under
// it, an exception that escaped, or a failed assert().
std::string assertion_line(std::string_view output) {
  // glibc's assert() quotes with a backtick; Valgrind's tools' own internal
  // assertions do not, and are the tool's failure, not the program's.
  static const std::regex failed_assert(R"(Assertion `.*' failed)");
  const std::vector<std::string_view> lines = lines_of(output);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = trim(lines[i]);
    if (line.ends_with(": Failure") || line == "Failure") {
      std::string message(line);
      for (std::size_t j = i + 1; j < lines.size(); ++j) {
        const std::string_view next = trim(lines[j]);
        if (next.empty() || next.starts_with("[") || next.starts_with("==")) break;
        if (next.ends_with(": Failure")) break;
        message += ' ';
        message += next;
      }
      return one_line(message);
    }
    if (line.starts_with("terminate called")) {
      std::string message(line);
      if (i + 1 < lines.size() && trim(lines[i + 1]).starts_with("what()")) {
        message += fmt::format(" {}", trim(lines[i + 1]));
      }
      return one_line(message);
    }
    if (search(line, failed_assert)) return std::string(line);
  }
  for (std::string_view line : lines) {
    if (line.starts_with("[  FAILED  ]")) return std::string(trim(line));
  }
  return {};
}

// Valgrind's error headlines, one per tool; the lines that follow are stacks.
std::string valgrind_headline(std::string_view output) {
  static const std::regex headline(
      "^==\\d+== (Invalid (read|write|free|alignment)|Mismatched free|Conditional jump|"
      "Use of uninitialised|Syscall param|Source and destination overlap|Argument '|"
      "Jump to the invalid address|\\S.* are (definitely|indirectly|possibly) lost|"
      "Possible data race|Thread #\\d+(:|'s| unlocked| deallocated)|Conflicting (load|store)|"
      "Mutex |The object at address|Destroying |Recursive locking|Probably a race)");
  for (std::string_view line : lines_of(output)) {
    if (search(line, headline)) return std::string(drop_pid(line));
  }
  return {};
}

// Valgrind's error count, from its last "ERROR SUMMARY"; -1 when there is none.
int valgrind_errors(std::string_view output) {
  static const std::regex summary(R"(ERROR SUMMARY: (\d+) errors?)");
  int errors = -1;
  for (std::string_view line : lines_of(output)) {
    std::match_results<std::string_view::const_iterator> m;
    if (std::regex_search(line.begin(), line.end(), m, summary)) errors = std::stoi(m[1].str());
  }
  return errors;
}

// What a run that died without a report shows: valgrind's word on it, or the
// C library's own heap check ("free(): double free detected in tcache 2").
std::string crash_line(const Outcome& outcome) {
  static const std::regex death(
      R"(Process terminating with default action|Giving up|^(valgrind|drd|helgrind|memcheck): |)"
      R"(^(free|malloc|realloc|munmap_chunk)\(\): |^double free or corruption|^corrupted )");
  for (std::string_view line : lines_of(outcome.output)) {
    if (search(line, death)) return std::string(drop_pid(line));
  }
  if (outcome.exit_code > 128) {
    const int signal = outcome.exit_code - 128;
    const char* abbrev = sigabbrev_np(signal);
    return abbrev ? fmt::format("killed by SIG{}", abbrev)
                  : fmt::format("killed by signal {}", signal);
  }
  return fmt::format("exit status {}", outcome.exit_code);
}

// The tool's own report in `outcome`, or empty.
std::string report_of(ReportFormat tool, const Outcome& outcome) {
  switch (tool) {
    case ReportFormat::kSanitizer:
      return has_sanitizer_report(outcome.output) ? sanitizer_line(outcome.output) : "";
    case ReportFormat::kValgrind: {
      const int errors = valgrind_errors(outcome.output);
      if (errors > 0 || (errors < 0 && outcome.exit_code == 99)) {
        const std::string headline = valgrind_headline(outcome.output);
        return headline.empty() ? fmt::format("ERROR SUMMARY: {} errors", errors) : headline;
      }
      return {};
    }
    case ReportFormat::kAssertion:
    case ReportFormat::kClangTidy:
      return {};
  }
  return {};
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
  // A report printed before the time limit struck stands: the detector has
  // spoken. (TSan can hang in its own signal handler after a stack overflow's
  // first line.)
  const std::string report = report_of(tool, outcome);
  if (!report.empty()) return {bug ? Result::kReport : Result::kFalseAlarm, report};
  if (outcome.timed_out) return {Result::kTimeout, "stopped by the time limit"};
  if (outcome.exit_code == 0)
    return bug ? Finding{Result::kMissed, "passed"} : Finding{Result::kClean, "clean"};
  const std::string assertion = assertion_line(outcome.output);
  if (!bug) return {Result::kFalseAlarm, assertion.empty() ? crash_line(outcome) : assertion};
  if (!assertion.empty()) return {Result::kAssertion, assertion};
  return {Result::kCrash, crash_line(outcome)};
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
    if (search(line, error)) {
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
  // Process and system thread ids (TSan names the latter "T12345"), and
  // Valgrind's thread numbers, which follow the order threads happened to run.
  static const std::regex pid(R"(pid=\d+)");
  static const std::regex tid(R"(\bT\d{3,}\b)");
  static const std::regex valgrind_thread(R"(\b([Tt]hread) (#?)\d+\b)");
  text = std::regex_replace(text, pid, "pid=N");
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

namespace {

enum class Tree { kClang, kGcc };

struct MatrixDetector {
  std::string name;  // the column
  std::string what;  // one line for the reader
  ReportFormat tool;
  Tree tree;                         // which build tree its binaries come from
  std::string flavour;               // which flavour of the case binaries
  std::string declares;              // the manifest detector it is the home of, if any
  std::vector<std::string> wrapper;  // runs the binary under it
  std::vector<std::string> needs;    // tools that must answer --version
};

const std::vector<MatrixDetector>& detectors() {
  static const std::vector<std::string> valgrind = {"valgrind", "--error-exitcode=99"};
  auto with = [](std::vector<std::string> base, std::initializer_list<std::string> more) {
    base.insert(base.begin() + 1, more);
    return base;
  };
  static const std::vector<MatrixDetector> all = {
      {"assert",
       "the scenario's assertions alone: clang, plain flavour (-O2 -g)",
       ReportFormat::kAssertion,
       Tree::kClang,
       "plain",
       "assert",
       {},
       {"clang"}},
      {"asan",
       "clang ASan + LSan + UBSan: the asan flavour (-O1)",
       ReportFormat::kSanitizer,
       Tree::kClang,
       "asan",
       "asan",
       {},
       {"clang"}},
      {"ubsan",
       "clang UBSan alone: the ubsan flavour (-O1)",
       ReportFormat::kSanitizer,
       Tree::kClang,
       "ubsan",
       "",
       {},
       {"clang"}},
      {"tsan",
       "clang TSan: the tsan flavour (-O1)",
       ReportFormat::kSanitizer,
       Tree::kClang,
       "tsan",
       "tsan",
       {},
       {"clang"}},
      {"gcc-asan",
       "GCC ASan + LSan + UBSan: the asan flavour built by GCC (-O1)",
       ReportFormat::kSanitizer,
       Tree::kGcc,
       "asan",
       "",
       {},
       {"gcc"}},
      {"gcc-tsan",
       "GCC TSan: the tsan flavour built by GCC (-O1)",
       ReportFormat::kSanitizer,
       Tree::kGcc,
       "tsan",
       "",
       {},
       {"gcc"}},
      {"memcheck",
       "Valgrind memcheck, --leak-check=full (definite leaks are errors), on GCC's plain build",
       ReportFormat::kValgrind,
       Tree::kGcc,
       "plain",
       "",
       with(valgrind, {"--tool=memcheck", "--leak-check=full", "--show-leak-kinds=definite",
                       "--errors-for-leak-kinds=definite"}),
       {"gcc", "valgrind"}},
      {"helgrind",
       "Valgrind helgrind on GCC's plain build",
       ReportFormat::kValgrind,
       Tree::kGcc,
       "plain",
       "",
       with(valgrind, {"--tool=helgrind"}),
       {"gcc", "valgrind"}},
      {"drd",
       "Valgrind DRD on GCC's plain build",
       ReportFormat::kValgrind,
       Tree::kGcc,
       "plain",
       "",
       with(valgrind, {"--tool=drd"}),
       {"gcc", "valgrind"}},
      {"tidy",
       "clang-tidy bugprone-*, concurrency-*, cppcoreguidelines-* on the source file",
       ReportFormat::kClangTidy,
       Tree::kClang,
       "plain",
       "",
       {},
       {"clang-tidy"}},
  };
  return all;
}

constexpr std::string_view kTidyChecks = "-*,bugprone-*,concurrency-*,cppcoreguidelines-*";

std::string variant_name(Variant v) { return v == Variant::kBug ? "bug" : "fix"; }

// The compiler a configured tree uses, from its cache.
std::string tree_compiler(const fs::path& tree, const std::string& fallback) {
  static const std::regex entry(R"(^CMAKE_CXX_COMPILER:[A-Z]+=(.*)$)");
  if (!fs::exists(tree / "CMakeCache.txt")) return fallback;
  std::istringstream cache(read_file(tree / "CMakeCache.txt"));
  std::string line;
  std::smatch m;
  while (std::getline(cache, line)) {
    if (std::regex_match(line, m, entry)) return m[1].str();
  }
  return fallback;
}

// The first line of `program --version` that names a version; empty when the
// program does not run.
std::string version_of(const std::string& program) {
  try {
    const Outcome out = run_process({program, "--version"}, std::chrono::seconds(30));
    if (out.exit_code != 0) return {};
    for (std::string_view line : lines_of(out.output)) {
      if (line.find("version") != std::string_view::npos || line.starts_with("valgrind-") ||
          line.find(") ") != std::string_view::npos) {
        return std::string(trim(line));
      }
    }
    return std::string(trim(lines_of(out.output).empty() ? "" : lines_of(out.output).front()));
  } catch (const std::runtime_error&) {
    return {};
  }
}

// A compilation database with only the plain flavour's commands, so that
// clang-tidy analyses each source once, as the plain build compiles it.
fs::path plain_compile_commands(const fs::path& clang_build) {
  const fs::path from = clang_build / "compile_commands.json";
  std::ifstream in(from);
  if (!in)
    throw std::runtime_error(fmt::format("{} is missing; configure the tree", from.string()));
  const nlohmann::json all = nlohmann::json::parse(in);
  nlohmann::json plain = nlohmann::json::array();
  for (const nlohmann::json& entry : all) {
    const std::string command =
        entry.contains("command") ? entry["command"].get<std::string>() : entry.dump();
    if (command.find("-DBUGHUNT_FLAVOUR_plain=1") != std::string::npos) plain.push_back(entry);
  }
  const fs::path dir = clang_build / "matrix";
  fs::create_directories(dir);
  std::ofstream(dir / "compile_commands.json") << plain.dump(1);
  return dir;
}

// A fingerprint of the sources every cell depends on (cases, pool, harness),
// so that two runs' JSON files say whether they measured the same code.
std::string source_fingerprint(const fs::path& source_dir) {
  std::vector<fs::path> files;
  for (const char* dir : {"bugs", "fixes", "harness/cases", "harness", "pool"}) {
    if (!fs::is_directory(source_dir / dir)) continue;
    for (const fs::directory_entry& e : fs::directory_iterator(source_dir / dir)) {
      const std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".cpp" || ext == ".h")) files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a
  for (const fs::path& file : files) {
    for (char ch : fs::relative(file, source_dir).string() + '\0' + read_file(file)) {
      hash = (hash ^ static_cast<unsigned char>(ch)) * 1099511628211ull;
    }
  }
  return fmt::format("{:016x} ({} files)", hash, files.size());
}

struct Cell {
  const Case* c;
  Variant variant;
  const MatrixDetector* d;
  Finding finding;
  double seconds = 0;
  int exit_code = 0;
  bool timed_out = false;  // a report may still have come before the limit
  bool hung_after_report = false;
};

std::string today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
  return text;
}

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

}  // namespace

std::vector<std::string> detector_names() {
  std::vector<std::string> names;
  for (const MatrixDetector& d : detectors()) names.push_back(d.name);
  return names;
}

int run_matrix(const std::vector<Case>& cases, const MatrixOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const bool terminal = isatty(STDERR_FILENO) == 1;

  // Which detectors, and whether their tools are here.
  std::vector<const MatrixDetector*> chosen;
  for (const MatrixDetector& d : detectors()) {
    if (options.detectors.empty() || std::find(options.detectors.begin(), options.detectors.end(),
                                               d.name) != options.detectors.end()) {
      chosen.push_back(&d);
    }
  }
  const std::string gcc = tree_compiler(options.gcc_build, "g++");
  const std::map<std::string, std::string> programs = {
      {"clang", tree_compiler(options.clang_build, "clang++")},
      {"gcc", gcc},
      {"valgrind", "valgrind"},
      {"clang-tidy", "clang-tidy"}};
  std::map<std::string, std::string> versions;
  for (const auto& [tool, program] : programs) versions[tool] = version_of(program);
  std::vector<const MatrixDetector*> running;
  std::vector<std::string> not_run;
  for (const MatrixDetector* d : chosen) {
    std::vector<std::string> missing;
    for (const std::string& tool : d->needs) {
      if (versions[tool].empty()) missing.push_back(programs.at(tool));
    }
    if (missing.empty()) {
      running.push_back(d);
    } else {
      not_run.push_back(
          fmt::format("{} ({} does not run here)", d->name, fmt::join(missing, ", ")));
      fmt::print(stderr, "matrix: not running {}: {} does not run here\n", d->name,
                 fmt::join(missing, ", "));
    }
  }

  auto tree_dir = [&](Tree t) {
    return t == Tree::kClang ? options.clang_build : options.gcc_build;
  };
  auto binary = [&](const Case& c, Variant v, const MatrixDetector& d) {
    return tree_dir(d.tree) / fmt::format("case{}_{}_{}", c.number(), variant_name(v), d.flavour);
  };

  // Build what the chosen detectors run, one build per tree.
  const auto build_started = std::chrono::steady_clock::now();
  if (options.build) {
    for (Tree t : {Tree::kClang, Tree::kGcc}) {
      std::set<std::string> targets;
      for (const MatrixDetector* d : running) {
        if (d->tree != t || d->tool == ReportFormat::kClangTidy) continue;
        for (const Case& c : cases) {
          for (Variant v : {Variant::kBug, Variant::kFix}) {
            targets.insert(binary(c, v, *d).filename().string());
          }
        }
      }
      if (targets.empty()) continue;
      const fs::path dir = tree_dir(t);
      if (t == Tree::kGcc && !fs::exists(dir / "build.ninja")) {
        fmt::print(stderr, "matrix: configuring {} (preset gcc)\n", dir.string());
        const Outcome configured = run_process(
            {"cmake", "-S", options.source_dir.string(), "--preset", "gcc", "-B", dir.string()},
            std::chrono::seconds(600));
        if (configured.exit_code != 0) {
          fmt::print(stderr, "{}", configured.output);
          throw std::runtime_error("configuring the gcc tree failed (its output is above)");
        }
      }
      fmt::print(stderr, "matrix: building {} binaries in {}\n", targets.size(), dir.string());
      options.build_targets(dir, {targets.begin(), targets.end()});
    }
  }
  const double build_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - build_started).count();
  fs::path tidy_db;
  for (const MatrixDetector* d : running) {
    if (d->tool == ReportFormat::kClangTidy) tidy_db = plain_compile_commands(options.clang_build);
  }

  // Run every cell.
  std::vector<Cell> cells;
  const std::size_t total = cases.size() * running.size() * 2;
  auto progress = [&](const Cell& cell) {
    const std::string line = fmt::format("[{:>{}}/{}] case {} {} {:<8} {} ({:.1f} s)", cells.size(),
                                         std::to_string(total).size(), total, cell.c->number(),
                                         variant_name(cell.variant), cell.d->name,
                                         name(cell.finding.result), cell.seconds);
    if (terminal) {
      fmt::print(stderr, "\r{}\033[K", line);
    } else {
      fmt::print(stderr, "{}\n", line);
    }
  };
  auto record = [&](const Case& c, Variant v, const MatrixDetector& d, Finding finding,
                    const Outcome& outcome, double seconds) {
    finding.evidence = normalise_evidence(finding.evidence, options.source_dir.string());
    cells.push_back({&c, v, &d, finding, seconds, outcome.exit_code, outcome.timed_out,
                     outcome.hung_after_report});
    progress(cells.back());
  };
  for (const Case& c : cases) {
    for (const MatrixDetector* d : running) {
      if (d->tool == ReportFormat::kClangTidy) {
        Outcome outcome[2];
        double seconds[2];
        std::vector<TidyWarning> warnings[2];
        std::string file[2];
        for (Variant v : {Variant::kBug, Variant::kFix}) {
          const int i = v == Variant::kBug ? 0 : 1;
          file[i] = fmt::format("{}/{}.cpp", v == Variant::kBug ? "bugs" : "fixes", c.stem());
          const auto t0 = std::chrono::steady_clock::now();
          outcome[i] = run_process(
              {"clang-tidy", "-p", tidy_db.string(), "--quiet",
               fmt::format("--checks={}", kTidyChecks), (options.source_dir / file[i]).string()},
              options.limit);
          seconds[i] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
          warnings[i] = tidy_warnings(outcome[i].output, file[i]);
        }
        for (Variant v : {Variant::kBug, Variant::kFix}) {
          const int i = v == Variant::kBug ? 0 : 1;
          record(c, v, *d, classify_tidy(v, outcome[i], file[i], warnings[1 - i]), outcome[i],
                 seconds[i]);
        }
        continue;
      }
      for (Variant v : {Variant::kBug, Variant::kFix}) {
        const fs::path program = binary(c, v, *d);
        if (!fs::exists(program)) {
          throw std::runtime_error(
              fmt::format("{} is not built; run without --no-build", program.string()));
        }
        std::vector<std::string> argv = d->wrapper;
        argv.push_back(program.string());
        argv.push_back("--gtest_color=no");
        const auto t0 = std::chrono::steady_clock::now();
        const Outcome outcome = run_process(argv, options.limit);
        record(c, v, *d, classify(d->tool, v, outcome), outcome,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      }
    }
  }
  if (terminal && !cells.empty()) fmt::print(stderr, "\n");
  const double total_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  // Tallies, the declared detectors' own record, and the documents.
  std::map<std::string, Tally> tally;
  for (const Cell& cell : cells) count(tally[cell.d->name], cell);
  auto find_cell = [&](const Case& c, const MatrixDetector& d, Variant v) -> const Cell* {
    for (const Cell& cell : cells) {
      if (cell.c == &c && cell.d == &d && cell.variant == v) return &cell;
    }
    return nullptr;
  };
  int declared_caught = 0, declared_run = 0;
  for (const Case& c : cases) {
    for (const MatrixDetector* d : running) {
      if (d->declares != name(c.detector)) continue;
      ++declared_run;
      const Cell* bug = find_cell(c, *d, Variant::kBug);
      if (bug && caught(bug->finding.result)) {
        ++declared_caught;
      } else if (bug) {
        fmt::print(stderr, "matrix: case {}: its declared detector {} shows {}: {}\n", c.number(),
                   d->name, name(bug->finding.result), bug->finding.evidence);
      }
    }
  }

  const std::string date = today_utc();
  const std::string sources = source_fingerprint(options.source_dir);
  std::vector<std::string> tool_lines;
  for (const auto& [tool, program] : programs) {
    bool used = false;
    for (const MatrixDetector* d : running) {
      used = used || std::find(d->needs.begin(), d->needs.end(), tool) != d->needs.end();
    }
    if (used) tool_lines.push_back(fmt::format("{}: {}", tool, versions[tool]));
  }

  if (!options.json.empty()) {
    nlohmann::json doc;
    doc["date"] = date;
    doc["sources"] = sources;
    doc["limit_seconds"] = options.limit.count();
    doc["build_seconds"] = build_seconds;
    doc["total_seconds"] = total_seconds;
    doc["tools"] = nlohmann::json::object();
    for (const std::string& line : tool_lines) {
      const std::size_t colon = line.find(": ");
      doc["tools"][line.substr(0, colon)] = line.substr(colon + 2);
    }
    doc["not_run"] = not_run;
    doc["detectors"] = nlohmann::json::array();
    for (const MatrixDetector* d : running) {
      doc["detectors"].push_back({{"name", d->name},
                                  {"what", d->what},
                                  {"declared_for", d->declares},
                                  {"summary", tally[d->name].json()}});
    }
    doc["cases"] = nlohmann::json::array();
    for (const Case& c : cases) {
      nlohmann::json row = {{"id", c.id}, {"slug", c.slug}, {"detector", name(c.detector)}};
      for (Variant v : {Variant::kBug, Variant::kFix}) {
        nlohmann::json runs = nlohmann::json::object();
        for (const MatrixDetector* d : running) {
          const Cell* cell = find_cell(c, *d, v);
          runs[d->name] = {{"result", name(cell->finding.result)},
                           {"evidence", cell->finding.evidence},
                           {"exit_code", cell->exit_code},
                           {"timed_out", cell->timed_out},
                           {"hung_after_report", cell->hung_after_report},
                           {"seconds", cell->seconds}};
        }
        row[variant_name(v)] = runs;
      }
      doc["cases"].push_back(row);
    }
    std::ofstream(options.json) << doc.dump(2) << "\n";
  }

  // The table, as Markdown.
  std::string table = fmt::format(
      "Measured on {} (UTC) by `bughunt matrix`: {} cases, each bug and each fix under {} "
      "detectors, at most {} s a run.\n\n",
      date, cases.size(), running.size(), options.limit.count());
  table += "| case |";
  for (const MatrixDetector* d : running) table += fmt::format(" {} |", d->name);
  table += "\n|---|";
  for (std::size_t i = 0; i < running.size(); ++i) table += "---|";
  table += "\n";
  for (const Case& c : cases) {
    table += fmt::format("| {} {} |", c.number(), c.slug);
    for (const MatrixDetector* d : running) {
      const Cell* bug = find_cell(c, *d, Variant::kBug);
      const Cell* fix = find_cell(c, *d, Variant::kFix);
      std::string text = short_result(bug->finding.result);
      if (d->declares == name(c.detector)) text = fmt::format("**{}**", text);
      if (fix->finding.result == Result::kFalseAlarm) text += " FA";
      if (fix->finding.result == Result::kTimeout) text += " FT";
      table += fmt::format(" {} |", text);
    }
    table += "\n";
  }
  table +=
      "\nA cell says how the bug's run ended: `report` (the detector's own report), `assert` "
      "(no report, but the scenario's assertion failed), `crash` (it died with neither), `-` "
      "(missed: it passed), `timeout`. `FA` marks a false alarm: the fix did not run clean "
      "under that detector (`FT`: the fix ran out of time). Bold: the case's declared "
      "detector.\n\n";
  table +=
      "| detector | caught | by report | by assertion | crash | missed | timeout | false alarms "
      "| precision | recall | wall time |\n|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const MatrixDetector* d : running) {
    const Tally& t = tally[d->name];
    table += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {:.1f} s |\n",
                         d->name, t.caught(), t.report, t.assertion, t.crash, t.missed, t.timeout,
                         t.false_alarms, percent(t.caught(), t.caught() + t.false_alarms),
                         percent(t.caught(), t.bugs()), t.seconds);
  }
  table += fmt::format(
      "\nCaught means a report or a failed assertion; a crash fails a CI run too but names no "
      "cause, so recall leaves it out. Recall is caught bugs over bugs; precision is caught "
      "bugs over caught bugs plus false alarms on the fixes. Wall time is the sum of the "
      "detector's runs (bug and fix); building took {:.0f} s, the whole matrix {:.0f} s. "
      "Declared detectors caught {} of their {} cases.\n\n",
      build_seconds, total_seconds, declared_caught, declared_run);
  table += "Detectors:\n\n";
  for (const MatrixDetector* d : running) table += fmt::format("- `{}`: {}\n", d->name, d->what);
  for (const std::string& line : not_run) table += fmt::format("- not run: {}\n", line);
  table += "\nTools:\n\n";
  for (const std::string& line : tool_lines) table += fmt::format("- {}\n", line);

  std::string evidence =
      "## Evidence\n\nThe first report line of each bug run that was not missed and of each fix "
      "run that was not clean, with the source tree's path dropped and addresses masked.\n";
  for (const Case& c : cases) {
    std::string lines;
    for (const MatrixDetector* d : running) {
      const Cell* bug = find_cell(c, *d, Variant::kBug);
      const Cell* fix = find_cell(c, *d, Variant::kFix);
      auto hung = [](const Cell* cell) -> std::string {
        if (cell->hung_after_report) {
          return fmt::format(", then it did not exit and was stopped {} s later",
                             kAfterFatalReport.count());
        }
        return cell->timed_out && cell->finding.result != Result::kTimeout
                   ? ", then it hung until the time limit"
                   : "";
      };
      if (bug->finding.result != Result::kMissed) {
        lines += fmt::format("- {} ({}): {}{}\n", d->name, name(bug->finding.result),
                             code_span(bug->finding.evidence), hung(bug));
      }
      if (fix->finding.result != Result::kClean) {
        lines += fmt::format("- {} on the fix ({}): {}{}\n", d->name, name(fix->finding.result),
                             code_span(fix->finding.evidence), hung(fix));
      }
    }
    evidence += fmt::format("\n### {} {}\n\n{}", c.number(), c.slug,
                            lines.empty() ? "Nothing reported.\n" : lines);
  }

  if (!options.markdown.empty()) {
    std::string doc =
        fs::exists(options.markdown) ? read_file(options.markdown) : std::string(kSkeleton);
    doc = fill_region(doc, "table", table);
    doc = fill_region(doc, "evidence", evidence);
    fs::create_directories(options.markdown.parent_path());
    std::ofstream(options.markdown) << doc;
  }

  // The summary, for the terminal.
  fmt::print("{:<9} {:>6} {:>6} {:>6} {:>6} {:>6} {:>7} {:>5} {:>9} {:>6} {:>9}\n", "detector",
             "caught", "report", "assert", "crash", "missed", "timeout", "FA", "precision",
             "recall", "time");
  for (const MatrixDetector* d : running) {
    const Tally& t = tally[d->name];
    fmt::print("{:<9} {:>6} {:>6} {:>6} {:>6} {:>6} {:>7} {:>5} {:>9} {:>6} {:>8.1f}s\n", d->name,
               t.caught(), t.report, t.assertion, t.crash, t.missed, t.timeout, t.false_alarms,
               percent(t.caught(), t.caught() + t.false_alarms), percent(t.caught(), t.bugs()),
               t.seconds);
  }
  fmt::print("\n{} cells in {:.0f} s (building: {:.0f} s); sources {}\n", cells.size(),
             total_seconds, build_seconds, sources);
  if (!options.markdown.empty()) fmt::print("wrote {}\n", options.markdown.string());
  if (!options.json.empty()) fmt::print("wrote {}\n", options.json.string());
  return 0;
}

}  // namespace bughunt
