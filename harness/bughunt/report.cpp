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
constexpr std::size_t npos = std::string_view::npos;

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

std::vector<Report> read_reports(std::string_view output, int exit_status,
                                 const ReadOptions& options) {
  const Lines lines = lines_of(output);
  std::vector<Report> reports;
  for (std::size_t i = 0; i < lines.size();) {
    if (report_internal::opens_sanitizer_report(lines[i])) {
      i = report_internal::read_sanitizer(lines, i, options, reports.emplace_back());
      continue;
    }
    if (report_internal::opens_valgrind_error(lines[i])) {
      i = report_internal::read_valgrind_error(lines, i, options, reports.emplace_back());
      continue;
    }
    if (std::optional<Report> r = report_internal::read_assertion(lines, i, options))
      reports.push_back(*r);
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
