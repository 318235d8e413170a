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
  EXPECT_EQ(bughunt::find_case(cases, "use_after_put"), &cases[0]);
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

// A ladder of one hint, or of four, is refused: two or three, gentle to pointed.
TEST(ManifestTest, HintLadderOfWrongLengthIsRefused) {
  nlohmann::json doc = nlohmann::json::parse(std::ifstream(kManifest));
  for (const nlohmann::json& hints :
       {nlohmann::json::array({"only one"}), nlohmann::json::array({"a", "b", "c", "d"}),
        nlohmann::json("not a list")}) {
    doc["cases"][0]["hints"] = hints;
    TempManifest broken(doc);
    try {
      bughunt::load_manifest(broken.path());
      FAIL() << "a ladder of " << hints.dump() << " loaded";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("\"hints\""), std::string::npos) << e.what();
    }
  }
}

}  // namespace
