// read_reports(): one pass over a run's lines. A sanitizer report runs from
// its opener to its SUMMARY line, a Valgrind error (report_valgrind.cpp) from
// its headline to the first blank line that nothing continues; a gtest
// failure, an escaped exception and a failed assert() are a line each
// (gtest's with the message under it). A death comes last, as one kSignal
// report. The headlines are worded as the detection matrix words its evidence.
#include "harness/bughunt/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstring>

#include "harness/bughunt/report_internal.h"
#include "harness/bughunt/text.h"

namespace bughunt {

namespace {

using report_internal::Lines;
using report_internal::push_frame;
using report_internal::thread_of;
constexpr std::size_t npos = std::string_view::npos;

// The runtimes whose names mark a report: the one list every pattern here is made of.
constexpr std::string_view kSanitizers[] = {"Address", "Thread", "Leak", "UndefinedBehavior",
                                            "Memory"};
constexpr std::string_view kRuntimeError = "runtime error:";

// True when `text` names a sanitizer ("ThreadSanitizer"), right after one of
// `levels` ("ERROR: ") when any are given.
bool names_sanitizer(std::string_view text, std::initializer_list<std::string_view> levels) {
  for (std::size_t at = text.find("Sanitizer"); at != npos; at = text.find("Sanitizer", at + 1)) {
    const std::string_view before = text.substr(0, at);
    for (std::string_view runtime : kSanitizers) {
      if (!before.ends_with(runtime)) continue;
      const std::string_view lead = before.substr(0, before.size() - runtime.size());
      if (levels.size() == 0 || std::any_of(levels.begin(), levels.end(),
                                            [&](auto level) { return lead.ends_with(level); })) {
        return true;
      }
    }
  }
  return false;
}

bool opens_sanitizer_report(std::string_view line) {
  return line.find(kRuntimeError) != npos || names_sanitizer(line, {"ERROR: ", "WARNING: "});
}

Kind sanitizer_kind(std::string_view headline) {
  if (!names_sanitizer(headline, {"ERROR: ", "WARNING: "})) return Kind::kUndefinedBehaviour;
  static constexpr std::pair<std::string_view, Kind> kKinds[] = {
      {"data race", Kind::kDataRace},
      {"destroy of a locked mutex", Kind::kLockedMutexDestroy},
      {"thread leak", Kind::kThreadLeak},
      {"signal-unsafe call", Kind::kSignalUnsafeCall},
      {"heap-use-after-free", Kind::kHeapUseAfterFree},
      {"double-free", Kind::kDoubleFree},
      {"stack-overflow", Kind::kStackOverflow},
      {"SEGV", Kind::kSegv},
      {"detected memory leaks", Kind::kLeak},
  };
  for (const auto& [words, kind] : kKinds) {
    if (headline.find(words) != npos) return kind;
  }
  return Kind::kOtherSanitizer;
}

Role sanitizer_role(std::string_view heading, bool first) {
  if (heading.starts_with("Previous ")) return Role::kPreviousAccess;
  if (heading.find("leak of ") != npos) return Role::kLeaked;
  if (heading.find("freed by ") != npos) return Role::kFreed;
  if (heading.find("allocated by ") != npos) return Role::kAllocated;
  if (heading.starts_with("Thread ") && heading.find(" created ") != npos) {
    return Role::kThreadCreated;
  }
  if (heading.starts_with("Mutex ") && heading.ends_with("created at:")) return Role::kMutex;
  return first ? Role::kAccess : Role::kOther;
}

// A frame for a bare "file.cpp:27:10" (UBSan's and gtest's own locations).
std::optional<Frame> located(std::string_view location, const ReadOptions& options) {
  std::optional<Frame> f = read_frame(fmt::format("#0 {}", location), options);
  return f && !f->file.empty() ? f : std::nullopt;
}

// A line that opens a report of another kind: a report before it ends there.
bool opens_other_report(std::string_view line) {
  return line.ends_with(": Failure") || line == "Failure" || line.starts_with("terminate called") ||
         line.find("Assertion `") != npos;
}

// The sanitizer report whose opener is lines[i]; returns the line after it.
std::size_t read_sanitizer(const Lines& lines, std::size_t i, const ReadOptions& options,
                           Report& r) {
  const std::string_view headline = drop_pid_prefix(lines[i]);
  r = report_internal::make_report(Source::kSanitizer, sanitizer_kind(headline), headline);
  std::string_view heading;
  bool in_stack = false;
  for (++i; i < lines.size(); ++i) {
    const std::string_view line = trim(lines[i]);
    if (line.starts_with("SUMMARY:")) {
      r.summary = std::string(line);
      ++i;
      break;
    }
    if (opens_sanitizer_report(line) || opens_other_report(line) || line.starts_with("[") ||
        line.starts_with("=====")) {
      break;
    }
    if (std::optional<Frame> frame =
            line.starts_with('#') ? read_frame(line, options) : std::nullopt) {
      const bool fresh = !in_stack || line.starts_with("#0 ");
      push_frame(r, std::move(*frame), fresh, heading, sanitizer_role(heading, r.stacks.empty()));
      if (fresh) heading = {};
      in_stack = true;
      continue;
    }
    in_stack = false;
    // "==12==Hint: ..." is the runtime's note on the headline, no stack's heading.
    if (!line.empty() && !line.starts_with("==")) heading = line;
  }
  // A stack with no heading of its own runs on the thread the headline names.
  if (!r.stacks.empty() && r.stacks.front().heading.empty()) {
    r.stacks.front().thread = thread_of(r.headline);
  }
  // UBSan's headline is itself a location; it stands in for a missing stack.
  if (const std::size_t at = r.headline.find(": runtime error:"); at != npos && r.stacks.empty()) {
    if (std::optional<Frame> f = located(r.headline.substr(0, at), options)) {
      push_frame(r, std::move(*f), true, "", Role::kAccess);
    }
  }
  return i;
}

// The message lines under gtest's "file:line: Failure", as the matrix joins them.
std::string gtest_message(const Lines& lines, std::size_t i) {
  std::string message;
  for (std::size_t j = i + 1; j < lines.size(); ++j) {
    const std::string_view next = trim(lines[j]);
    if (next.empty() || next.starts_with("[") || next.starts_with("==")) break;
    if (next.ends_with(": Failure")) break;
    message += fmt::format(" {}", next);
  }
  return message;
}

// glibc's "prog: file.cpp:12: void f(): Assertion `n == 1' failed." into r.
void read_failed_assert(std::string_view line, const ReadOptions& options, Report& r) {
  const std::size_t quote = line.find("Assertion `");
  const std::size_t end = line.rfind("' failed");
  r.message = std::string(line.substr(quote + 11, end - quote - 11));
  std::string_view where = line.substr(0, quote);
  const std::size_t program_end = where.find(": ");
  if (program_end == npos) return;
  where.remove_prefix(program_end + 2);
  const std::size_t location_end = where.find(": ");
  if (location_end == npos) return;
  if (std::optional<Frame> f = located(where.substr(0, location_end), options)) {
    std::string_view function = trim(where.substr(location_end + 2));
    if (function.ends_with(':')) function.remove_suffix(1);
    f->function = std::string(function);
    push_frame(r, std::move(*f), true, "", Role::kAccess);
  }
}

// A gtest failure, an escaped exception or a failed assert() at lines[i].
std::optional<Report> read_assertion(const Lines& lines, std::size_t i,
                                     const ReadOptions& options) {
  const std::string_view line = trim(lines[i]);
  Report r = report_internal::make_report(Source::kGoogleTest, Kind::kAssertion, "");
  if (line.ends_with(": Failure") || line == "Failure") {
    const std::string message = gtest_message(lines, i);
    r.headline = one_line(fmt::format("{}{}", line, message));
    r.message = one_line(message);
    if (line != "Failure") {
      if (std::optional<Frame> f = located(line.substr(0, line.size() - 9), options)) {
        push_frame(r, std::move(*f), true, "", Role::kAccess);
      }
    }
  } else if (line.starts_with("terminate called")) {
    r.source = Source::kRuntime;
    std::string text(line);
    if (i + 1 < lines.size() && trim(lines[i + 1]).starts_with("what()")) {
      const std::string_view what = trim(lines[i + 1]);
      text += fmt::format(" {}", what);
      r.message = std::string(trim(what.substr(what.find(':') + 1)));
    }
    r.headline = one_line(text);
  } else if (const std::size_t at = line.find("Assertion `");
             at != npos && line.find("' failed", at) != npos) {
    r.source = Source::kRuntime;
    r.headline = std::string(line);
    read_failed_assert(line, options, r);
  } else {
    return std::nullopt;
  }
  r.summary = r.headline;
  return r;
}

// A line of the C library or of Valgrind on a death: "free(): double free
// detected in tcache 2", "==1== Process terminating with default action of signal 11".
bool tells_of_death(std::string_view line) {
  if (line.find("Process terminating with default action") != npos ||
      line.find("Giving up") != npos) {
    return true;
  }
  for (std::string_view start :
       {"valgrind: ", "drd: ", "helgrind: ", "memcheck: ", "free(): ", "malloc(): ", "realloc(): ",
        "munmap_chunk(): ", "double free or corruption", "corrupted "}) {
    if (line.starts_with(start)) return true;
  }
  return false;
}

// How the run died: the C library's or Valgrind's word on it, else the signal;
// nullopt when it did not. Always Source::kRuntime, whoever printed the line.
std::optional<Report> read_death(const Lines& lines, int exit_status, const ReadOptions& options) {
  Report r = report_internal::make_report(Source::kRuntime, Kind::kSignal, "");
  if (exit_status > 128) r.signal = exit_status - 128;
  for (std::size_t i = 0; i < lines.size() && r.headline.empty(); ++i) {
    if (!tells_of_death(lines[i])) continue;
    r.headline = std::string(drop_pid_prefix(lines[i]));
    if (report_internal::is_valgrind_line(lines[i])) {
      report_internal::read_valgrind_stacks(lines, i, options, r);
    }
    if (const std::size_t at = r.headline.find("signal "); r.signal == 0 && at != npos) {
      const char* digits = r.headline.data() + at + 7;
      std::from_chars(digits, r.headline.data() + r.headline.size(), r.signal);
    }
  }
  if (r.headline.empty()) {
    if (exit_status <= 128) return std::nullopt;
    const char* abbrev = sigabbrev_np(r.signal);
    r.headline = abbrev ? fmt::format("killed by SIG{}", abbrev)
                        : fmt::format("killed by signal {}", r.signal);
  }
  r.summary = r.headline;
  return r;
}

}  // namespace

std::string_view sanitizer_report_pattern() {
  static const std::string pattern = [] {
    std::string names;
    for (std::string_view runtime : kSanitizers) {
      names += fmt::format("{}{}", names.empty() ? "" : "|", runtime);
    }
    return fmt::format("({})Sanitizer|{}", names, kRuntimeError);
  }();
  return pattern;
}

bool has_sanitizer_report(std::string_view output) {
  return output.find(kRuntimeError) != npos || names_sanitizer(output, {});
}

bool opens_fatal_sanitizer_report(std::string_view line) {
  return names_sanitizer(line, {"ERROR: "});
}

std::vector<Report> read_reports(std::string_view output, int exit_status,
                                 const ReadOptions& options) {
  const Lines lines = lines_of(output);
  std::vector<Report> reports;
  for (std::size_t i = 0; i < lines.size();) {
    if (opens_sanitizer_report(lines[i])) {
      i = read_sanitizer(lines, i, options, reports.emplace_back());
      continue;
    }
    if (report_internal::opens_valgrind_error(lines[i])) {
      i = report_internal::read_valgrind_error(lines, i, options, reports.emplace_back());
      continue;
    }
    if (std::optional<Report> r = read_assertion(lines, i, options)) reports.push_back(*r);
    ++i;
  }
  // gtest's own verdict stands for a failure it printed in no form known here.
  if (std::none_of(reports.begin(), reports.end(),
                   [](const Report& r) { return r.kind == Kind::kAssertion; })) {
    for (std::string_view line : lines) {
      if (!line.starts_with("[  FAILED  ]")) continue;
      reports.push_back(
          report_internal::make_report(Source::kGoogleTest, Kind::kAssertion, trim(line)));
      break;
    }
  }
  report_internal::settle_valgrind(output, reports);
  if (std::optional<Report> death = read_death(lines, exit_status, options)) {
    reports.push_back(std::move(*death));
  }
  return reports;
}

const Frame* first_program_frame(const std::vector<Report>& reports) {
  for (const Report& r : reports) {
    for (const Stack& s : r.stacks) {
      for (const Frame& f : s.frames) {
        if (f.place == Place::kProgram) return &f;
      }
    }
  }
  return nullptr;
}

}  // namespace bughunt
