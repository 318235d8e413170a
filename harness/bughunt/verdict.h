// harness/bughunt/verdict.h — whether a run kept its case's promise.
//
// The case contract: a bug run, in the flavour of its detector, exits non-zero
// and prints its declared diagnostic (a plain substring); a fix run exits 0
// and prints no sanitizer report at all, in every flavour. ctest judges with
// the same two rules (expect_main.cpp); judge() adds words for a person.
#pragma once

#include <string>
#include <string_view>

#include "harness/bughunt/flavour.h"
#include "harness/bughunt/manifest.h"
#include "harness/bughunt/naming.h"
#include "harness/bughunt/process.h"

namespace bughunt {

// A fix's promise: exit 0, no sanitizer report, within the time limit.
bool runs_clean(const Outcome& outcome);

// A bug's promise: a non-zero exit, within the time limit, that printed `text`.
bool fails_with(const Outcome& outcome, std::string_view text);

// What a run showed in one line: the first report's headline, "clean",
// "timed out" or "exit status N".
std::string what_it_showed(const Outcome& outcome);

struct Verdict {
  bool as_expected = false;
  std::string seen;  // what the run showed (what_it_showed, or the declared text)
  std::string line;  // one sentence for a person, e.g. "case 02 (bug) under tsan: ..."
};

// Judges one run of `c` in `flavour`. A bug run outside its detector's flavour
// has no promise to keep: the verdict says what it showed and where to look.
Verdict judge(const Case& c, Variant variant, Flavour flavour, const Outcome& outcome);

}  // namespace bughunt
