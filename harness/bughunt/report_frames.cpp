// The frames of a report: one line of a stack read into a Frame, where its
// code lives, the stacks they make up. Also the names of the model's enums.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "harness/bughunt/report.h"
#include "harness/bughunt/report_internal.h"
#include "harness/bughunt/text.h"

namespace bughunt {

namespace {

// The number `digits` spells, or -1 when it is not one.
int number(std::string_view digits) {
  int n = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  return error == std::errc() && end == digits.data() + digits.size() && !digits.empty() ? n : -1;
}

// "dir/file.cpp:29:22" or "file.cpp:29" into `frame`; false when `text` is no location.
bool read_location(std::string_view text, const ReadOptions& options, Frame& frame) {
  const std::size_t last = text.rfind(':');
  if (last == std::string_view::npos || number(text.substr(last + 1)) < 0) return false;
  std::string_view file = text.substr(0, last);
  int line = number(text.substr(last + 1));
  int column = 0;
  if (const std::size_t before = file.rfind(':');
      before != std::string_view::npos && number(file.substr(before + 1)) >= 0) {
    column = line;
    line = number(file.substr(before + 1));
    file = file.substr(0, before);
  }
  if (file.empty() || file == "??" || file == "<null>") return false;
  std::string dir = options.source_dir;
  if (!dir.empty() && !dir.ends_with('/')) dir += '/';
  if (!dir.empty() && file.starts_with(dir)) file.remove_prefix(dir.size());
  frame.file = std::string(file);
  frame.line = line;
  frame.column = column;
  return true;
}

// True for a sanitizer's trailing "(module+0x1f)", "(BuildId: ...)", "(<unknown module>)".
bool is_module(std::string_view group) {
  return group.starts_with("BuildId:") || group.find("+0x") != std::string_view::npos ||
         group == "<unknown module>";
}

// "#3 0x55d5 in f(int) file.cpp:33:10 (bin+0x1)" (ASan) or "#3 f(int) file.cpp:33:10 (bin+0x1)".
std::optional<Frame> read_sanitizer_frame(std::string_view text, const ReadOptions& options) {
  text.remove_prefix(1);  // '#'
  const std::size_t space = text.find(' ');
  if (space == std::string_view::npos || number(text.substr(0, space)) < 0) return std::nullopt;
  text = trim(text.substr(space));
  if (text.starts_with("0x")) {
    const std::size_t end = text.find(' ');
    text = end == std::string_view::npos ? "" : trim(text.substr(end));
    if (text.starts_with("in ")) text.remove_prefix(3);
  }
  while (text.ends_with(')')) {
    const std::size_t open = text.rfind('(');
    if (open == std::string_view::npos || (open > 0 && text[open - 1] != ' ') ||
        !is_module(text.substr(open + 1, text.size() - open - 2))) {
      break;
    }
    text = trim(text.substr(0, open));
  }
  Frame frame;
  // The location is the last word; a frame may be a location alone ("#0 file.cpp:27:10").
  const std::size_t last = text.rfind(' ');
  const std::string_view location = last == std::string_view::npos ? text : text.substr(last + 1);
  if (read_location(location, options, frame) || location == "<null>" || location == "??:0") {
    text = last == std::string_view::npos ? "" : trim(text.substr(0, last));
  }
  frame.function = std::string(text);
  return frame;
}

// Valgrind's "at 0x4849013: f(int) (file.cpp:12)" or "by 0x10B2A1: main (in /path/bin)".
std::optional<Frame> read_valgrind_frame(std::string_view text, const ReadOptions& options) {
  const std::size_t colon = text.find(": ");
  if (colon == std::string_view::npos) return std::nullopt;
  text = trim(text.substr(colon + 2));
  Frame frame;
  if (text.ends_with(')')) {
    const std::size_t open = text.rfind(" (");
    if (open != std::string_view::npos) {
      const std::string_view group = text.substr(open + 2, text.size() - open - 3);
      if (group.starts_with("in ") || read_location(group, options, frame)) {
        text = trim(text.substr(0, open));
      }
    }
  }
  frame.function = std::string(text);
  return frame;
}

}  // namespace

namespace report_internal {

std::string thread_of(std::string_view heading) {
  std::size_t at = 0;
  if (heading.starts_with("Thread ")) {
    at = 7;
  } else if (heading.find("main thread") != std::string_view::npos) {
    return "main thread";
  } else if ((at = heading.find("thread ")) != std::string_view::npos) {
    at += 7;
  } else {
    return {};
  }
  const std::string_view rest = heading.substr(at);
  return std::string(rest.substr(0, rest.find_first_of(" :,()")));
}

Report make_report(Source source, Kind kind, std::string_view headline) {
  Report r;
  r.source = source;
  r.kind = kind;
  r.headline = r.summary = std::string(headline);
  return r;
}

void push_frame(Report& r, Frame frame, bool new_stack, std::string_view heading, Role role) {
  if (new_stack || r.stacks.empty()) {
    Stack& s = r.stacks.emplace_back();
    s.role = role;
    s.heading = std::string(heading);
    s.thread = thread_of(heading);
  }
  r.stacks.back().frames.push_back(std::move(frame));
}

}  // namespace report_internal

std::optional<Frame> read_frame(std::string_view line, const ReadOptions& options) {
  const std::string_view text = line.starts_with("==") ? drop_pid_prefix(line) : trim(line);
  std::optional<Frame> frame;
  if (text.starts_with('#')) {
    frame = read_sanitizer_frame(text, options);
  } else if (text.starts_with("at 0x") || text.starts_with("by 0x")) {
    frame = read_valgrind_frame(text, options);
  }
  if (frame) frame->place = place_of(frame->file, options);
  return frame;
}

Place place_of(std::string_view file, const ReadOptions& options) {
  const bool bare = !file.empty() && file.find('/') == std::string_view::npos;
  for (std::string_view program : options.program_files) {
    if (file == program || (bare && program.ends_with(fmt::format("/{}", file)))) {
      return Place::kProgram;
    }
  }
  if (file.starts_with("bugs/") || file.starts_with("fixes/")) return Place::kProgram;
  if (file.starts_with("harness/")) return Place::kHarness;
  if (file.starts_with("pool/")) return Place::kPool;
  // Valgrind names a file without its folder: a case's own files are told by
  // their "NN_" names; a bare pool header cannot be told from a library's.
  if (bare && file.size() > 3 && std::isdigit(static_cast<unsigned char>(file[0])) &&
      std::isdigit(static_cast<unsigned char>(file[1])) && file[2] == '_') {
    return file.ends_with("_test.cpp") ? Place::kHarness : Place::kProgram;
  }
  return Place::kLibrary;
}

std::string where(const Frame& f, bool with_column) {
  if (f.file.empty()) return f.function;
  if (with_column && f.column > 0) return fmt::format("{}:{}:{}", f.file, f.line, f.column);
  return fmt::format("{}:{}", f.file, f.line);
}

std::string_view name(Source s) {
  switch (s) {
    case Source::kSanitizer:
      return "sanitizer";
    case Source::kValgrind:
      return "valgrind";
    case Source::kGoogleTest:
      return "gtest";
    case Source::kRuntime:
      return "runtime";
  }
  return "?";
}

std::string_view name(Kind k) {
  static constexpr std::string_view kNames[] = {"data race",
                                                "destroy of a locked mutex",
                                                "thread leak",
                                                "signal-unsafe call inside of a signal",
                                                "heap-use-after-free",
                                                "double-free",
                                                "bad-free",
                                                "stack-overflow",
                                                "SEGV",
                                                "memory leak",
                                                "undefined behaviour",
                                                "sanitizer report",
                                                "valgrind error",
                                                "assertion",
                                                "signal"};
  static_assert(std::size(kNames) == static_cast<std::size_t>(Kind::kSignal) + 1);
  const auto i = static_cast<std::size_t>(k);
  return i < std::size(kNames) ? kNames[i] : "?";
}

std::string_view name(Role r) {
  static constexpr std::string_view kNames[] = {"access", "previous access", "allocated",
                                                "freed",  "thread created",  "leaked",
                                                "mutex",  "defined",         "other"};
  static_assert(std::size(kNames) == static_cast<std::size_t>(Role::kOther) + 1);
  const auto i = static_cast<std::size_t>(r);
  return i < std::size(kNames) ? kNames[i] : "?";
}

std::string_view name(Place p) {
  static constexpr std::string_view kNames[] = {"program", "harness", "pool", "library"};
  static_assert(std::size(kNames) == static_cast<std::size_t>(Place::kLibrary) + 1);
  const auto i = static_cast<std::size_t>(p);
  return i < std::size(kNames) ? kNames[i] : "?";
}

}  // namespace bughunt
