// GoogleTest's failures, escaped exceptions and failed assert()s: a line
// each as the detection matrix quotes them, gtest's with its message and,
// where gtest says them, what the check expected and what it got.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "harness/bughunt/report.h"
#include "harness/bughunt/report_internal.h"
#include "harness/bughunt/text.h"

namespace bughunt {

namespace {

using report_internal::Lines;
using report_internal::located;
using report_internal::push_frame;
constexpr std::size_t npos = std::string_view::npos;

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

// What gtest's message under lines[i] ("file:line: Failure") says the check
// expected and got, into r. EXPECT_EQ(a, b) names no side: the scenarios put
// what they got first, and so does this reading. Its three forms:
//   Expected equality of these values: / a / Which is: X / b / Which is: Y
//   Value of: e / Actual: false / Expected: true
//   Expected: (a) <= (b), actual: 1 vs 2
void read_expectation(const Lines& lines, std::size_t i, Report& r) {
  if (i + 1 >= lines.size()) return;
  const std::string_view first = trim(lines[i + 1]);
  if (first == "Expected equality of these values:") {
    std::vector<std::string> values;
    for (std::size_t j = i + 2; j < lines.size() && lines[j].starts_with("  "); ++j) {
      const std::string_view text = trim(lines[j]);
      if (text.starts_with("Which is: ") && !values.empty()) {
        values.back() = std::string(text.substr(10));
      } else if (values.size() < 2) {
        values.emplace_back(text);
      }
    }
    if (values.size() == 2) {
      r.actual = values[0];
      r.expected = values[1];
    }
  } else if (first.starts_with("Value of: ") && i + 3 < lines.size()) {
    const std::string_view actual = trim(lines[i + 2]);
    const std::string_view expected = trim(lines[i + 3]);
    if (actual.starts_with("Actual: ") && expected.starts_with("Expected: ")) {
      r.actual = std::string(actual.substr(8));
      r.expected = std::string(expected.substr(10));
    }
  } else if (const std::size_t at = first.find(", actual: ");
             first.starts_with("Expected: ") && at != npos) {
    r.expected = std::string(first.substr(10, at - 10));
    r.actual = std::string(first.substr(at + 10));
  }
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

}  // namespace

namespace report_internal {

// A gtest failure, an escaped exception or a failed assert() at lines[i].
std::optional<Report> read_assertion(const Lines& lines, std::size_t i,
                                     const ReadOptions& options) {
  const std::string_view line = trim(lines[i]);
  Report r = make_report(Source::kGoogleTest, Kind::kAssertion, "");
  if (line.ends_with(": Failure") || line == "Failure") {
    const std::string message = gtest_message(lines, i);
    r.headline = one_line(fmt::format("{}{}", line, message));
    r.message = one_line(message);
    read_expectation(lines, i, r);
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

}  // namespace report_internal

}  // namespace bughunt
