// The sanitizers' reports: a report runs from its opener ("WARNING:
// ThreadSanitizer: ...", "ERROR: AddressSanitizer: ...", "...: runtime error:
// ...") to its SUMMARY line; each "#0" frame opens a stack whose role its
// heading gives ("Previous write ...", "freed by thread T0 here:"). ASan's
// line on the global variable an address lies in is a stack of its own, of
// one frame: the variable's definition.
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "harness/bughunt/report.h"
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

Kind sanitizer_kind(std::string_view headline) {
  if (!names_sanitizer(headline, {"ERROR: ", "WARNING: "})) return Kind::kUndefinedBehaviour;
  static constexpr std::pair<std::string_view, Kind> kKinds[] = {
      {"data race", Kind::kDataRace},
      {"destroy of a locked mutex", Kind::kLockedMutexDestroy},
      {"thread leak", Kind::kThreadLeak},
      {"signal-unsafe call", Kind::kSignalUnsafeCall},
      {"heap-use-after-free", Kind::kHeapUseAfterFree},
      {"double-free", Kind::kDoubleFree},
      {"which was not malloc()-ed", Kind::kBadFree},
      {"stack-overflow", Kind::kStackOverflow},
      {"SEGV", Kind::kSegv},
      {"detected memory leaks", Kind::kLeak},
  };
  for (const auto& [words, kind] : kKinds) {
    if (headline.find(words) != npos) return kind;
  }
  return Kind::kOtherSanitizer;
}

// The stack under `heading`; `first` when it is the report's first. A bad
// free's first stack is the free itself, so it is named as one.
Role sanitizer_role(std::string_view heading, bool first, Kind kind) {
  if (heading.starts_with("Previous ")) return Role::kPreviousAccess;
  if (heading.find("leak of ") != npos) return Role::kLeaked;
  if (heading.find("freed by ") != npos) return Role::kFreed;
  if (heading.find("allocated by ") != npos) return Role::kAllocated;
  if (heading.starts_with("Thread ") && heading.find(" created ") != npos) {
    return Role::kThreadCreated;
  }
  if (heading.starts_with("Mutex ") && heading.ends_with("created at:")) return Role::kMutex;
  if (first) return kind == Kind::kBadFree ? Role::kFreed : Role::kAccess;
  return Role::kOther;
}

// ASan's "0x55 is located 0 bytes inside of global variable 'ns::table' defined
// in 'bugs/17_word_counter.cpp:23:33' (0x55) of size 224": the variable's
// definition as a frame; nullopt for any other line, or one without a file.
std::optional<Frame> global_definition(std::string_view line, const ReadOptions& options) {
  constexpr std::string_view kGlobal = " of global variable '";
  constexpr std::string_view kDefined = "' defined in '";
  if (line.find(" is located ") == npos) return std::nullopt;
  const std::size_t global = line.find(kGlobal);
  const std::size_t defined = global == npos ? npos : line.find(kDefined, global);
  if (defined == npos) return std::nullopt;
  const std::size_t from = defined + kDefined.size();
  const std::size_t to = line.find('\'', from);
  if (to == npos) return std::nullopt;
  return report_internal::located(line.substr(from, to - from), options);
}

}  // namespace

namespace report_internal {

bool opens_sanitizer_report(std::string_view line) {
  return line.find(kRuntimeError) != npos || names_sanitizer(line, {"ERROR: ", "WARNING: "});
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
    if (opens_sanitizer_report(line) || report_internal::opens_other_report(line) ||
        line.starts_with("[") || line.starts_with("=====")) {
      break;
    }
    if (std::optional<Frame> frame =
            line.starts_with('#') ? read_frame(line, options) : std::nullopt) {
      const bool fresh = !in_stack || line.starts_with("#0 ");
      push_frame(r, std::move(*frame), fresh, heading,
                 sanitizer_role(heading, r.stacks.empty(), r.kind));
      if (fresh) heading = {};
      in_stack = true;
      continue;
    }
    // The global variable the address lies in: a stack of one frame, the line its heading.
    if (std::optional<Frame> defined = global_definition(line, options)) {
      push_frame(r, std::move(*defined), true, line, Role::kDefined);
      in_stack = false;
      heading = {};
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
    if (std::optional<Frame> f = report_internal::located(r.headline.substr(0, at), options)) {
      push_frame(r, std::move(*f), true, "", Role::kAccess);
    }
  }
  return i;
}

}  // namespace report_internal

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

}  // namespace bughunt
