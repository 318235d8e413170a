// Tests of the manifest reader: finding a case as users name it, loading the
// real manifest, and refusing a broken entry by the field's name.
#include "harness/bughunt/manifest.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/bughunt/testing/temp_manifest.h"

namespace fs = std::filesystem;
using bughunt::Case;
using bughunt::testing::kManifest;
using bughunt::testing::sample_case;
using bughunt::testing::TempManifest;

namespace {

// A case is found by its number, its two-digit number and its slug, as users type them.
TEST(ManifestTest, FindsCaseByNumberPaddedNumberAndSlug) {
  const std::vector<Case> cases = {sample_case()};
  EXPECT_EQ(bughunt::find_case(cases, "2"), &cases[0]);
  EXPECT_EQ(bughunt::find_case(cases, "02"), &cases[0]);
  EXPECT_EQ(bughunt::find_case(cases, "deferred_greetings"), &cases[0]);
}

// Near misses are not cases: other numbers, trailing junk, the empty string.
TEST(ManifestTest, RejectsWhatIsNotACase) {
  const std::vector<Case> cases = {sample_case()};
  for (const char* text : {"3", "0", "2x", "", "use_after", "-2"}) {
    EXPECT_EQ(bughunt::find_case(cases, text), nullptr) << "'" << text << "' resolved";
  }
}

// The real manifest loads, and every entry names files that exist.
TEST(ManifestTest, RealManifestLoadsAndItsFilesExist) {
  const std::vector<Case> cases = bughunt::load_manifest(kManifest);
  ASSERT_FALSE(cases.empty());
  for (const Case& c : cases) {
    for (const char* dir : {"bugs", "fixes"}) {
      const fs::path file = fs::path(BUGHUNT_SOURCE_DIR) / dir / (c.stem() + ".cpp");
      EXPECT_TRUE(fs::exists(file)) << file;
    }
  }
}

// An entry without its expected diagnostic is refused with the field's name.
TEST(ManifestTest, EntryWithoutExpectIsRefusedByName) {
  nlohmann::json doc = nlohmann::json::parse(std::ifstream(kManifest));
  doc["cases"][0].erase("expect");
  TempManifest broken(doc);
  try {
    bughunt::load_manifest(broken.path());
    FAIL() << "a manifest without expect loaded";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("\"expect\""), std::string::npos) << e.what();
  }
}

// The error load_manifest() and check_case_files() give the real manifest
// changed by `edit`, or "" when they accept it.
template <typename Edit>
std::string refusal_of(Edit edit) {
  nlohmann::json doc = nlohmann::json::parse(std::ifstream(kManifest));
  edit(doc["cases"]);
  TempManifest changed(doc);
  try {
    const std::vector<Case> cases = bughunt::load_manifest(changed.path());
    try {
      bughunt::check_case_files(cases, BUGHUNT_SOURCE_DIR);
    } catch (const std::runtime_error& e) {
      return e.what();
    }
  } catch (const std::runtime_error& e) {
    return std::string(e.what()).substr(changed.path().size() + 2);  // without "path: "
  }
  return "";
}

// A second entry with an id already used is refused: find_case() could never reach it.
TEST(ManifestTest, DuplicateIdIsRefused) {
  EXPECT_EQ(refusal_of([](nlohmann::json& cases) { cases[3]["id"] = 2; }),
            "entry 4 (case 02): its \"id\" is entry 2 (case 02)'s too");
}

// Likewise a slug used twice.
TEST(ManifestTest, DuplicateSlugIsRefused) {
  EXPECT_EQ(refusal_of([](nlohmann::json& cases) { cases[2]["slug"] = cases[0]["slug"]; }),
            "entry 3 (case 03): its \"slug\" is entry 1 (case 01)'s too");
}

// Ids outside 1 to 99 are refused as written, not wrapped (2^40 used to become 0).
TEST(ManifestTest, IdOutOfRangeIsRefused) {
  EXPECT_EQ(refusal_of([](nlohmann::json& cases) { cases[0]["id"] = 1LL << 40; }),
            "entry 1: \"id\" 1099511627776 is not from 1 to 99");
  EXPECT_EQ(refusal_of([](nlohmann::json& cases) { cases[0]["id"] = 0; }),
            "entry 1: \"id\" 0 is not from 1 to 99");
  EXPECT_EQ(refusal_of([](nlohmann::json& cases) { cases[0]["id"] = 100; }),
            "entry 1: \"id\" 100 is not from 1 to 99");
}

// A slug names files and targets: only a-z, 0-9 and _ may be in it.
TEST(ManifestTest, SlugOfOtherCharactersIsRefused) {
  EXPECT_EQ(refusal_of([](nlohmann::json& cases) { cases[0]["slug"] = "../etc"; }),
            "entry 1 (case 01): \"slug\" \"../etc\" is not made of a-z, 0-9 and _");
}

// An entry whose programs are not in the checkout is refused, naming the missing file.
TEST(ManifestTest, EntryWithoutItsFilesIsRefused) {
  EXPECT_EQ(refusal_of([](nlohmann::json& cases) { cases[4]["slug"] = "renamed_program"; }),
            "entry 5 (case 05): \"slug\" \"renamed_program\" names bugs/05_renamed_program.cpp, "
            "which is missing");
}

// The real manifest passes every check.
TEST(ManifestTest, RealManifestPassesEveryCheck) {
  EXPECT_EQ(refusal_of([](nlohmann::json&) {}), "");
}

// A ladder of one hint, or of four, is refused: two or three, gentle to pointed.
TEST(ManifestTest, HintLadderOfWrongLengthIsRefused) {
  for (const nlohmann::json& hints :
       {nlohmann::json::array({"only one"}), nlohmann::json::array({"a", "b", "c", "d"}),
        nlohmann::json("not a list")}) {
    EXPECT_EQ(refusal_of([&](nlohmann::json& cases) { cases[0]["hints"] = hints; }),
              "entry 1 (case 01): \"hints\" must be a list of two or three texts")
        << hints.dump();
  }
}

// Every case is a pull request: a title, a description and the lines a reviewer must point at.
TEST(ManifestTest, RealManifestHasAChangePerCase) {
  for (const Case& c : bughunt::load_manifest(kManifest)) {
    EXPECT_FALSE(c.change_title.empty()) << c.number();
    EXPECT_FALSE(c.change_description.empty()) << c.number();
    EXPECT_FALSE(c.lines.empty()) << c.number();
  }
}

// An entry without its change, or with a change lacking a part, is refused by the field's name.
TEST(ManifestTest, EntryWithoutItsChangeIsRefusedByName) {
  EXPECT_EQ(refusal_of([](nlohmann::json& cases) { cases[0].erase("change"); }),
            "entry 1 (case 01) lacks its \"change\"");
  EXPECT_EQ(refusal_of([](nlohmann::json& cases) { cases[1]["change"].erase("title"); }),
            "entry 2 (case 02)'s \"change\" lacks the text field \"title\"");
  EXPECT_EQ(refusal_of([](nlohmann::json& cases) { cases[1]["change"].erase("description"); }),
            "entry 2 (case 02)'s \"change\" lacks the text field \"description\"");
}

// Declared lines are line numbers, ascending and each once: grading compares them with
// what a reviewer types.
TEST(ManifestTest, LinesThatAreNotAscendingLineNumbersAreRefused) {
  for (const nlohmann::json& lines :
       {nlohmann::json::array(), nlohmann::json::array({0}), nlohmann::json::array({-3}),
        nlohmann::json::array({12, 7}), nlohmann::json::array({7, 7}),
        nlohmann::json::array({"21"}), nlohmann::json::array({2.5}), nlohmann::json(21)}) {
    EXPECT_EQ(refusal_of([&](nlohmann::json& cases) { cases[0]["lines"] = lines; }),
              "entry 1 (case 01): \"lines\" must be a list of line numbers of the bug file, "
              "ascending")
        << lines.dump();
  }
  EXPECT_EQ(refusal_of([](nlohmann::json& cases) { cases[0].erase("lines"); }),
            "entry 1 (case 01): \"lines\" must be a list of line numbers of the bug file, "
            "ascending");
}

}  // namespace
