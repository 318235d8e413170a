// Tests of a case as a pull request: its hunks and the grading of an answer,
// and the manifest's declared lines against each change and each sanitizer
// report, so that what a reviewer is told to point at is what the diff shows
// and what the detector reports.
#include "harness/bughunt/change.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "harness/bughunt/manifest.h"
#include "harness/bughunt/naming.h"
#include "harness/bughunt/report.h"
#include "harness/bughunt/testing/report_fixtures.h"
#include "harness/bughunt/testing/temp_manifest.h"
#include "harness/bughunt/text.h"

namespace {

using bughunt::Case;
using bughunt::Hunk;
using bughunt::Review;

std::vector<Case> real_cases() { return bughunt::load_manifest(bughunt::testing::kManifest); }

std::string patch_of(const Case& c) { return bughunt::change_diff(BUGHUNT_SOURCE_DIR, c); }

// The names a line of code uses, its comments and literals left out, and
// without the words every line has (keywords, std).
std::set<std::string> names_in(std::string_view line) {
  std::string code(line.substr(0, line.find("//")));
  code = std::regex_replace(code, std::regex(R"("([^"\\]|\\.)*"|'([^'\\]|\\.)*')"), " ");
  static const std::set<std::string> common = {
      "auto",     "bool",    "char",   "class",    "const",  "else",   "explicit",
      "false",    "for",     "if",     "include",  "int",    "long",   "namespace",
      "override", "private", "public", "return",   "size_t", "static", "std",
      "struct",   "this",    "true",   "unsigned", "using",  "void",   "while"};
  std::set<std::string> names;
  static const std::regex word("[A-Za-z_][A-Za-z0-9_]*");
  for (std::sregex_iterator it(code.begin(), code.end(), word), end; it != end; ++it) {
    if (!common.contains(it->str())) names.insert(it->str());
  }
  return names;
}

// The names the patch's added and removed lines use: the code the change touches.
std::set<std::string> touched_names(const std::string& patch) {
  std::set<std::string> names;
  for (std::string_view line : bughunt::lines_of(patch)) {
    if (line.starts_with("+++") || line.starts_with("---")) continue;
    if (!line.starts_with("+") && !line.starts_with("-")) continue;
    names.merge(names_in(line.substr(1)));
  }
  return names;
}

Case with_lines(std::vector<int> lines) {
  Case c = bughunt::testing::sample_case();
  c.lines = std::move(lines);
  return c;
}

// A hunk header gives the new side's first line and count; a bare start means one line.
TEST(ChangeTest, HunksAreTheNewSideOfEachHeader) {
  const std::vector<Hunk> hunks =
      bughunt::new_side_hunks("--- a\n+++ b\n@@ -15,16 +15,15 @@\n ctx\n@@ -40 +39 @@ f()\n");
  ASSERT_EQ(hunks.size(), 2u);
  EXPECT_EQ(hunks[0].first, 15);
  EXPECT_EQ(hunks[0].last, 29);
  EXPECT_EQ(hunks[1].first, 39);
  EXPECT_EQ(hunks[1].last, 39);
}

// Each line of a patch carries its kind and the new file's number, which
// removed lines and headers lack: the numbers a review answer names.
TEST(ChangeTest, PatchLinesAreNumberedByTheNewFile) {
  using Kind = bughunt::PatchLine::Kind;
  const std::vector<bughunt::PatchLine> lines = bughunt::patch_lines(
      "--- a\n+++ b\n@@ -7,3 +7,3 @@\n ctx\n-old\n+new\n end\n\\ No newline at end of file\n");
  ASSERT_EQ(lines.size(), 8u);
  const std::vector<Kind> kinds = {Kind::kFile,    Kind::kFile,  Kind::kHunk,    Kind::kContext,
                                   Kind::kRemoved, Kind::kAdded, Kind::kContext, Kind::kNote};
  const std::vector<int> numbers = {0, 0, 0, 7, 0, 8, 9, 0};
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].kind, kinds[i]) << lines[i].text;
    EXPECT_EQ(lines[i].number, numbers[i]) << lines[i].text;
  }
  EXPECT_EQ(lines[5].text, "+new");
}

// Lines are named as an answer and the pack's notes name them.
TEST(ChangeTest, LinesAreNamedInTheSingularOrPlural) {
  EXPECT_EQ(bughunt::lines_named({24}), "line 24");
  EXPECT_EQ(bughunt::lines_named({24, 25}), "lines 24, 25");
}

// A declared line is right, two lines off is close, three is wrong; approving is always wrong.
TEST(ChangeTest, AnswersAreGradedByDistanceToADeclaredLine) {
  const Case c = with_lines({24, 30});
  EXPECT_EQ(bughunt::grade(c, {24}), Review::kRight);
  EXPECT_EQ(bughunt::grade(c, {22}), Review::kClose);
  EXPECT_EQ(bughunt::grade(c, {32}), Review::kClose);
  EXPECT_EQ(bughunt::grade(c, {27}), Review::kWrong);
  EXPECT_EQ(bughunt::grade(c, {1, 26, 30}), Review::kRight);  // the best line counts
  EXPECT_EQ(bughunt::grade(c, {}, true), Review::kWrong);
  EXPECT_EQ(bughunt::grade(c, {24}, true), Review::kWrong);
}

// Every declared line is in the bug file and is one the reviewer is shown (inside a hunk),
// or names code the change adds or removes: what the reviewer is asked to find is in view.
TEST(ChangeTest, EveryDeclaredLineIsInTheChange) {
  for (const Case& c : real_cases()) {
    SCOPED_TRACE("case " + c.number());
    const std::string patch = patch_of(c);
    ASSERT_FALSE(patch.empty());
    const std::string bug = bughunt::read_file(std::filesystem::path(BUGHUNT_SOURCE_DIR) /
                                               bughunt::source_path(c, bughunt::Variant::kBug));
    const std::vector<std::string_view> bug_lines = bughunt::lines_of(bug);
    const std::vector<Hunk> hunks = bughunt::new_side_hunks(patch);
    const std::set<std::string> touched = touched_names(patch);
    for (int line : c.lines) {
      ASSERT_LE(line, static_cast<int>(bug_lines.size())) << "line " << line << " is past the end";
      const bool in_hunk = std::any_of(hunks.begin(), hunks.end(), [&](const Hunk& h) {
        return h.first <= line && line <= h.last;
      });
      std::set<std::string> shared;
      for (const std::string& n : names_in(bug_lines[static_cast<std::size_t>(line - 1)])) {
        if (touched.contains(n)) shared.insert(n);
      }
      EXPECT_TRUE(in_hunk || !shared.empty())
          << "line " << line << " (" << bug_lines[static_cast<std::size_t>(line - 1)]
          << ") is outside every hunk and names nothing the change touches";
    }
  }
}

// The sanitizer cases whose report's first program frame is where the damage shows,
// not where the mistake is, and cannot be near a declared line. Each is checked to
// still be so, so that the list cannot outlive its reason, and to name a declared
// line in a later frame, so that the report still leads to the mistake.
const std::map<int, const char*> kFrameAwayFromTheMistake = {
    {17,
     "ASan prints the bad free first, in the collection that deletes the tables long "
     "after; the array's definition, a declared line, follows as a stack of its own"},
};

// True when a program frame of `reports` is on or near a declared line of `c`.
bool names_a_declared_line(const Case& c, const std::vector<bughunt::Report>& reports) {
  for (const bughunt::Report& r : reports) {
    for (const bughunt::Stack& s : r.stacks) {
      for (const bughunt::Frame& f : s.frames) {
        if (f.place == bughunt::Place::kProgram && bughunt::grade_line(c, f.line) != Review::kWrong)
          return true;
      }
    }
  }
  return false;
}

// For every sanitizer case the report's first program frame, read from its fixture as
// report_test does, is on or within two lines of a declared line: the reviewer and the
// detector point at the same place.
TEST(ChangeTest, FirstReportFrameIsNextToADeclaredLine) {
  int checked = 0;
  for (const Case& c : real_cases()) {
    if (c.detector == bughunt::Detector::kAssert) continue;
    SCOPED_TRACE("case " + c.number());
    const std::string fixture =
        fmt::format("{}.{}.txt", c.stem(), bughunt::name(c.detector_flavour()));
    const std::vector<bughunt::Report> reports = bughunt::testing::reports_of(fixture);
    const bughunt::Frame* f = bughunt::first_program_frame(reports);
    ASSERT_NE(f, nullptr) << fixture << " has no program frame";
    EXPECT_EQ(f->file, bughunt::source_path(c, bughunt::Variant::kBug).string()) << fixture;
    const bool near = bughunt::grade_line(c, f->line) != Review::kWrong;
    if (kFrameAwayFromTheMistake.contains(c.id)) {
      EXPECT_FALSE(near) << "line " << f->line << " is near a declared line now: drop case "
                         << c.number() << " from the list";
      EXPECT_TRUE(names_a_declared_line(c, reports))
          << fixture << " names no declared line in any program frame";
    } else {
      EXPECT_TRUE(near) << fixture << "'s first program frame is at line " << f->line
                        << ", not within " << bughunt::kCloseLines << " of a declared line";
    }
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
