// Valgrind's side of the report model: its error headlines, the stacks under
// them, and its ERROR SUMMARY. One reader for memcheck, helgrind and DRD.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "harness/bughunt/report.h"
#include "harness/bughunt/report_internal.h"
#include "harness/bughunt/text.h"

namespace bughunt {

namespace report_internal {

namespace {

constexpr std::size_t npos = std::string_view::npos;

// The text after Valgrind's "==123== ", or nullopt for a line of the program's own.
std::optional<std::string_view> valgrind_text(std::string_view line) {
  if (!line.starts_with("==")) return std::nullopt;
  const std::size_t end = line.find("==", 2);
  if (end == npos || end == 2) return std::nullopt;
  for (char c : line.substr(2, end - 2)) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  line.remove_prefix(end + 2);
  if (line.starts_with(' ')) line.remove_prefix(1);
  return line;
}

// Valgrind's error headlines, one list for every tool.
bool is_valgrind_headline(std::string_view text) {
  static constexpr std::string_view kOpeners[] = {"Invalid read",
                                                  "Invalid write",
                                                  "Invalid free",
                                                  "Invalid alignment",
                                                  "Mismatched free",
                                                  "Conditional jump",
                                                  "Use of uninitialised",
                                                  "Syscall param",
                                                  "Source and destination overlap",
                                                  "Argument '",
                                                  "Jump to the invalid address",
                                                  "Possible data race",
                                                  "Conflicting load",
                                                  "Conflicting store",
                                                  "Mutex ",
                                                  "The object at address",
                                                  "Destroying ",
                                                  "Recursive locking",
                                                  "Probably a race"};
  if (text.empty() || text.front() == ' ') return false;
  for (std::string_view opener : kOpeners) {
    if (text.starts_with(opener)) return true;
  }
  for (std::string_view lost :
       {" are definitely lost", " are indirectly lost", " are possibly lost"}) {
    if (text.find(lost) != npos) return true;
  }
  if (!text.starts_with("Thread #")) return false;
  const std::size_t end = text.find_first_not_of("0123456789", 8);
  if (end == 8 || end == npos) return false;
  const std::string_view rest = text.substr(end);
  return rest.starts_with(':') || rest.starts_with("'s") || rest.starts_with(" unlocked") ||
         rest.starts_with(" deallocated");
}

Role valgrind_role(std::string_view heading, bool first) {
  if (first) return heading.find(" lost in loss record") != npos ? Role::kLeaked : Role::kAccess;
  if (heading.find("free'd") != npos) return Role::kFreed;
  if (heading.find("alloc'd") != npos || heading.find("Allocation context") != npos) {
    return Role::kAllocated;
  }
  if (heading.find("previous") != npos) return Role::kPreviousAccess;
  return Role::kOther;
}

// A line after a blank one that still belongs to the same Valgrind error.
bool continues_valgrind_error(std::string_view line) {
  for (std::string_view more : {"This conflicts with", "Address ", "Block was", "Other segment",
                                "Allocation context", "Access not within"}) {
    if (line.starts_with(more)) return true;
  }
  return false;
}

}  // namespace

bool is_valgrind_line(std::string_view line) { return valgrind_text(line).has_value(); }

bool opens_valgrind_error(std::string_view line) {
  const std::optional<std::string_view> text = valgrind_text(line);
  return text && is_valgrind_headline(*text);
}

std::size_t read_valgrind_error(const Lines& lines, std::size_t i, const ReadOptions& options,
                                Report& r) {
  r = make_report(Source::kValgrind, Kind::kValgrindError, drop_pid_prefix(lines[i]));
  return read_valgrind_stacks(lines, i, options, r);
}

std::size_t read_valgrind_stacks(const Lines& lines, std::size_t i, const ReadOptions& options,
                                 Report& r) {
  std::string_view heading = r.headline;
  bool in_stack = false;
  bool after_blank = false;
  for (++i; i < lines.size(); ++i) {
    const std::optional<std::string_view> text = valgrind_text(lines[i]);
    if (!text || is_valgrind_headline(*text)) break;
    const std::string_view line = trim(*text);
    if (line.empty()) {
      after_blank = true;
      in_stack = false;
      continue;
    }
    if (after_blank && !continues_valgrind_error(line)) break;
    after_blank = false;
    if (std::optional<Frame> frame = read_frame(line, options)) {
      const bool fresh = !in_stack || line.starts_with("at ");
      push_frame(r, std::move(*frame), fresh, heading, valgrind_role(heading, r.stacks.empty()));
      in_stack = true;
      continue;
    }
    in_stack = false;
    if (!line.starts_with("Locks held")) heading = line;
  }
  return i;
}

// Valgrind's count decides: no errors, no Valgrind reports; errors without a
// headline it knows, one report that says how many.
void settle_valgrind(std::string_view output, std::vector<Report>& reports) {
  const int errors = valgrind_error_count(output);
  auto from_valgrind = [](const Report& r) { return r.source == Source::kValgrind; };
  if (errors == 0) std::erase_if(reports, from_valgrind);
  if (errors > 0 && std::none_of(reports.begin(), reports.end(), from_valgrind)) {
    reports.push_back(make_report(Source::kValgrind, Kind::kValgrindError,
                                  fmt::format("ERROR SUMMARY: {} errors", errors)));
  }
}

}  // namespace report_internal

int valgrind_error_count(std::string_view output) {
  static constexpr std::string_view kSummary = "ERROR SUMMARY: ";
  int errors = -1;
  for (std::string_view line : lines_of(output)) {
    const std::size_t at = line.find(kSummary);
    if (at == std::string_view::npos) continue;
    const char* begin = line.data() + at + kSummary.size();
    const char* end = line.data() + line.size();
    int n = 0;
    const auto [rest, error] = std::from_chars(begin, end, n);
    if (error == std::errc() && std::string_view(rest, end - rest).starts_with(" error")) {
      errors = n;
    }
  }
  return errors;
}

}  // namespace bughunt
