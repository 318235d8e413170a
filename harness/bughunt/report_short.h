// harness/bughunt/report_short.h — the report in short: what `bughunt run`
// prints after the real report, and `bughunt read` for anyone's report.
//
// One block per stack of the report, in the report's order, titled by its
// role in plain words (report_words.h), with the program's frames only: each
// as file:line:column and function, its source line quoted with a caret at
// the column as a compiler's diagnostic does. Frames elsewhere between two
// of the program's fold to one line ("… 4 frames in the standard library, 2
// in the pool"); those before the first and after the last are left out. A
// check that failed shows the scenario's line instead. One sentence that
// names the bug ends it. Further reports of the run follow, a line each.
//
// Example (case 02, abridged):
//
//   In short: a data race, reported by ThreadSanitizer (the first of 3 reports)
//   thread T1 read 8 bytes here
//     bugs/02_deferred_greetings.cpp:29:22 in greetings::print(std::string*)
//         29 |   std::string line = *greeting;
//            |                      ^
//   ...
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "harness/bughunt/report.h"

namespace bughunt {

struct ShortOptions {
  std::filesystem::path root;  // where frames' relative files are read, to quote their lines
  bool colour = false;         // colour by role, for a terminal
  bool all = false;            // every report in full, not only the first
  std::size_t width = 100;     // no line is longer
};

// A function's name as a person reads it: the standard library's long
// spellings shortened (std::string, not std::__cxx11::basic_string<char, ...>),
// [abi:cxx11] and "(anonymous namespace)::" dropped, and template arguments
// of a name still over 80 characters folded to <…>.
std::string short_name(std::string_view function);

// "4 frames in the standard library, 2 in the pool": frames [from, to) of
// `s`, counted by where they live, in the order first met.
std::string folded(const Stack& s, std::size_t from, std::size_t to);

// The short report of `reports`; "" when there are none.
std::string short_report(const std::vector<Report>& reports, const ShortOptions& options);

}  // namespace bughunt
