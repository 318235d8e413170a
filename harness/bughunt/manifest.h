// harness/bughunt/manifest.h — the case manifest, as the command line sees it.
//
// harness/cases/cases.json is the single source of every case's metadata; CMake
// reads the same file to build and register the cases. A Case here is one
// entry; find_case() resolves what a user types ("2", "02", "deferred_greetings").
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "harness/bughunt/flavour.h"

namespace bughunt {

struct Case {
  int id = 0;
  std::string slug;   // the program, never the mistake: "greeter"
  std::string job;    // what the program does: "renders one greeting line per user"
  std::string title;  // the mistake: shown only by explain and list --reveal
  Detector detector = Detector::kAssert;
  std::string expect;  // the text the bug's run must print
  std::string symptom;
  std::vector<std::string> hints;  // two or three, gentle to pointed: the ladder
  std::string cause, fix, rule;    // the explanation, in three parts
  // The patch from the fix to the bug as a pull request, in its author's
  // words: a plausible motive that never says anything is wrong.
  std::string change_title, change_description;
  std::vector<int> lines;  // the bug file's lines a reviewer must point at, ascending
  std::string seed;

  // "02": the two-digit form used in file, target and test names.
  std::string number() const;
  // "02_deferred_greetings": the base of the case's file names (see naming.h).
  std::string stem() const;
  // The flavour whose build shows the detector's diagnostic.
  Flavour detector_flavour() const { return flavour_of(detector); }
};

// The ids a case may have: two digits name its files and targets.
inline constexpr int kFirstId = 1;
inline constexpr int kLastId = 99;

// Reads and checks the manifest. Throws std::runtime_error naming the file,
// the entry and the field: unreadable, not JSON, a field missing or of the
// wrong type, "lines" not ascending line numbers, an id outside kFirstId..kLastId, a slug not of
// [a-z0-9_]+, an id or a slug used twice.
std::vector<Case> load_manifest(const std::filesystem::path& path);

// Checks that each case's three files (bugs/, fixes/ and its scenario in
// harness/cases/, see naming.h) are in `source_dir`. Throws
// std::runtime_error naming the entry and the missing file.
void check_case_files(const std::vector<Case>& cases, const std::filesystem::path& source_dir);

// The case a user means by `text`: its id ("2" or "02") or its slug.
const Case* find_case(const std::vector<Case>& cases, std::string_view text);

}  // namespace bughunt
