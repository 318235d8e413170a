#include "harness/bughunt/report.h"

#include <fmt/format.h>

#include <cstring>
#include <regex>

#include "harness/bughunt/text.h"

namespace bughunt {

namespace {

// The one pattern of a sanitizer report, in any of its lines.
const std::regex& sanitizer_pattern() {
  static const std::regex pattern(
      "(Address|Thread|Leak|UndefinedBehavior|Memory)Sanitizer|runtime error:");
  return pattern;
}

Kind sanitizer_kind(std::string_view headline) {
  static const std::pair<const char*, Kind> kinds[] = {
      {"data race", Kind::kDataRace},
      {"destroy of a locked mutex", Kind::kLockedMutexDestroy},
      {"thread leak", Kind::kThreadLeak},
      {"signal-unsafe call", Kind::kSignalUnsafeCall},
      {"heap-use-after-free", Kind::kHeapUseAfterFree},
      {"double-free", Kind::kDoubleFree},
      {"stack-overflow", Kind::kStackOverflow},
      {"SEGV", Kind::kSegv},
      {"detected memory leaks", Kind::kLeak},
      {"runtime error:", Kind::kUndefinedBehaviour},
  };
  for (const auto& [words, kind] : kinds) {
    if (headline.find(words) != std::string_view::npos) return kind;
  }
  return Kind::kOtherSanitizer;
}

Role role_of(std::string_view heading) {
  static const std::pair<const char*, Role> roles[] = {
      {"Previous", Role::kPreviousAccess},
      {"freed by", Role::kFreed},
      {"allocated by", Role::kAllocated},
      {"created by", Role::kThreadCreated},
      {"Mutex", Role::kMutex},
      {"leak of", Role::kLeaked},
  };
  for (const auto& [words, role] : roles) {
    if (heading.find(words) != std::string_view::npos) return role;
  }
  return Role::kAccess;
}

Place place_of(std::string_view file, const ReadOptions& options) {
  for (const std::string& program : options.program_files) {
    if (file == program) return Place::kProgram;
  }
  if (file.starts_with("bugs/") || file.starts_with("fixes/")) return Place::kProgram;
  if (file.starts_with("harness/")) return Place::kHarness;
  if (file.starts_with("pool/")) return Place::kPool;
  return Place::kLibrary;
}

// "    #3 0x55 in f(int) dir/file.cpp:33:5 (binary+0x1)" or TSan's form without "0x.. in".
bool read_frame(std::string_view line, const ReadOptions& options, Frame& frame) {
  static const std::regex pattern(
      R"(^\s*#\d+ (?:0x[0-9a-f]+ in )?(.*?) (\S+?):(\d+)(?::(\d+))?(?: \(.*\))?$)");
  static const std::regex bare(R"(^\s*#\d+ (?:0x[0-9a-f]+ in )?(.*)$)");
  std::match_results<std::string_view::const_iterator> m;
  if (std::regex_match(line.begin(), line.end(), m, pattern)) {
    frame.function = m[1].str();
    frame.file = m[2].str();
    if (!options.source_dir.empty() && frame.file.starts_with(options.source_dir + "/")) {
      frame.file.erase(0, options.source_dir.size() + 1);
    }
    frame.line = std::stoi(m[3].str());
    frame.column = m[4].matched ? std::stoi(m[4].str()) : 0;
  } else if (std::regex_match(line.begin(), line.end(), m, bare)) {
    frame = Frame{.function = m[1].str()};
  } else {
    return false;
  }
  frame.place = place_of(frame.file, options);
  return true;
}

// The stacks of a sanitizer report that opens at lines[first].
std::size_t read_sanitizer(const std::vector<std::string_view>& lines, std::size_t first,
                           const ReadOptions& options, Report& report) {
  std::size_t i = first + 1;
  for (; i < lines.size(); ++i) {
    const std::string_view line = trim(lines[i]);
    if (line.starts_with("SUMMARY:")) {
      report.summary = std::string(line);
      return i + 1;
    }
    if (line.starts_with("==================") || line.starts_with("[ ")) break;
    Frame frame;
    if (line.starts_with("#") && read_frame(lines[i], options, frame)) {
      if (report.stacks.empty()) report.stacks.push_back({.role = Role::kAccess});
      report.stacks.back().frames.push_back(std::move(frame));
    } else if (line.ends_with(":") && !line.empty()) {
      report.stacks.push_back({.role = role_of(line), .heading = std::string(line)});
    }
  }
  return i;
}

// A gtest failure, an exception that escaped, or a failed assert(), at lines[i].
bool read_assertion(const std::vector<std::string_view>& lines, std::size_t i, Report& report) {
  static const std::regex failed_assert(R"(Assertion `.*' failed)");
  const std::string_view line = trim(lines[i]);
  std::string message(line);
  if (line.ends_with(": Failure") || line == "Failure") {
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      const std::string_view next = trim(lines[j]);
      if (next.empty() || next.starts_with("[") || next.starts_with("==")) break;
      if (next.ends_with(": Failure")) break;
      message += fmt::format(" {}", next);
    }
  } else if (line.starts_with("terminate called")) {
    if (i + 1 < lines.size() && trim(lines[i + 1]).starts_with("what()")) {
      message += fmt::format(" {}", trim(lines[i + 1]));
    }
  } else if (!matches(line, failed_assert)) {
    return false;
  }
  report = Report{.source = Source::kGoogleTest, .kind = Kind::kAssertion};
  report.headline = one_line(message);
  report.summary = report.headline;
  report.message = report.headline;
  return true;
}

}  // namespace

std::string_view name(Kind k) {
  switch (k) {
    case Kind::kDataRace:
      return "data race";
    case Kind::kLockedMutexDestroy:
      return "destroy of a locked mutex";
    case Kind::kThreadLeak:
      return "thread leak";
    case Kind::kSignalUnsafeCall:
      return "signal-unsafe call inside of a signal";
    case Kind::kHeapUseAfterFree:
      return "heap-use-after-free";
    case Kind::kDoubleFree:
      return "double-free";
    case Kind::kStackOverflow:
      return "stack-overflow";
    case Kind::kSegv:
      return "SEGV";
    case Kind::kLeak:
      return "memory leak";
    case Kind::kUndefinedBehaviour:
      return "undefined behaviour";
    case Kind::kOtherSanitizer:
      return "sanitizer report";
    case Kind::kValgrindError:
      return "valgrind error";
    case Kind::kAssertion:
      return "assertion";
    case Kind::kSignal:
      return "signal";
  }
  return "?";
}

bool has_sanitizer_report(std::string_view output) { return matches(output, sanitizer_pattern()); }

bool opens_fatal_sanitizer_report(std::string_view line) {
  static const std::regex fatal(R"(ERROR: \w*Sanitizer)");
  return matches(line, fatal);
}

std::vector<Report> read_reports(std::string_view output, int exit_status,
                                 const ReadOptions& options) {
  static const std::regex opener(
      "(ERROR|WARNING): (Address|Leak|Thread|Memory|UndefinedBehavior)Sanitizer|runtime error:");
  const std::vector<std::string_view> lines = lines_of(output);
  std::vector<Report> reports;
  for (std::size_t i = 0; i < lines.size();) {
    Report report;
    if (matches(lines[i], opener)) {
      report.headline = std::string(drop_pid_prefix(lines[i]));
      report.kind = sanitizer_kind(report.headline);
      report.summary = report.headline;
      i = read_sanitizer(lines, i, options, report);
      reports.push_back(std::move(report));
      continue;
    }
    if (read_assertion(lines, i, report)) reports.push_back(std::move(report));
    ++i;
  }
  if (reports.empty() && exit_status > 128) {
    const int signal = exit_status - 128;
    const char* abbrev = sigabbrev_np(signal);
    Report death{.source = Source::kRuntime, .kind = Kind::kSignal, .signal = signal};
    death.headline = abbrev ? fmt::format("killed by SIG{}", abbrev)
                            : fmt::format("killed by signal {}", signal);
    death.summary = death.headline;
    reports.push_back(std::move(death));
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

std::string where(const Frame& f, bool with_column) {
  if (with_column && f.column > 0) return fmt::format("{}:{}:{}", f.file, f.line, f.column);
  return fmt::format("{}:{}", f.file, f.line);
}

std::string_view name(Role r) {
  switch (r) {
    case Role::kAccess:
      return "access";
    case Role::kPreviousAccess:
      return "previous access";
    case Role::kAllocated:
      return "allocated";
    case Role::kFreed:
      return "freed";
    case Role::kThreadCreated:
      return "thread created";
    case Role::kLeaked:
      return "leaked";
    case Role::kMutex:
      return "mutex";
    case Role::kOther:
      return "other";
  }
  return "?";
}

}  // namespace bughunt
