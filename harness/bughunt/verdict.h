// harness/bughunt/verdict.h — what a case run showed, and whether that was
// what its manifest entry promised.
//
// The case contract: a bug run, in the flavour of its detector, exits non-zero
// and prints its declared diagnostic (a plain substring); a fix run exits 0
// and prints no sanitizer report at all, in every flavour. ctest judges the
// same way (harness/expect.cmake); this is the command line's copy of the
// rule, with words for a person.
#pragma once

#include <string>
#include <string_view>

#include "harness/bughunt/manifest.h"

namespace bughunt {

enum class Variant { kBug, kFix };

struct Outcome {
  int exit_code = 0;               // the binary's exit status; 128+N when killed by signal N
  bool timed_out = false;          // stopped by the time limit
  std::string output;              // stdout and stderr together, colour codes removed
  bool hung_after_report = false;  // stopped because it did not exit after a fatal report
};

struct Verdict {
  bool as_expected = false;
  std::string seen;  // what the run showed: the first report line, or "clean"
  std::string line;  // one sentence for a person, e.g. "case 02 (bug) under tsan: ..."
};

// The first line of a sanitizer report, or of a failing assertion, in
// `output`; empty when there is none.
std::string first_report_line(std::string_view output);

// Where a report first points into a case program: "bugs/08_view_after_put.cpp:33"
// for the first stack frame in bugs/ or fixes/; empty when none does.
std::string first_case_frame(std::string_view output);

// True when `output` holds a sanitizer report of any kind.
bool has_sanitizer_report(std::string_view output);

// Judges one run of `c` in `flavour`. A bug run outside its detector's flavour
// has no promise to keep: the verdict says what it showed and where to look.
Verdict judge(const Case& c, Variant variant, Flavour flavour, const Outcome& outcome);

// Removes terminal colour sequences (ESC [ ... m) so matching sees plain text.
std::string strip_colour(std::string_view text);

}  // namespace bughunt
