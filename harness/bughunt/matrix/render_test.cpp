// Tests of the matrix's renderers on canned cells: the table marks the
// declared detector and false alarms, the tallies count what the cells say,
// the evidence lists only what is worth reading, and the JSON has every cell.
#include <gtest/gtest.h>

#include <string>

#include "harness/bughunt/matrix/matrix.h"

using bughunt::Cell;
using bughunt::Finding;
using bughunt::MatrixDetector;
using bughunt::MatrixRun;
using bughunt::Result;
using bughunt::Variant;

namespace {

const MatrixDetector kAsan{.name = "asan",
                           .what = "clang ASan",
                           .format = bughunt::ReportFormat::kSanitizer,
                           .tree = bughunt::Tree::kClang,
                           .flavour = bughunt::Flavour::kAsan,
                           .home = bughunt::Detector::kAsan};
const MatrixDetector kDrd{.name = "drd",
                          .what = "Valgrind DRD",
                          .format = bughunt::ReportFormat::kValgrind,
                          .tree = bughunt::Tree::kGcc,
                          .flavour = bughunt::Flavour::kPlain};

// Two cases: 08 caught by its own asan and missed by drd; 02 caught by drd,
// with a false alarm from asan on its fix.
MatrixRun canned_run() {
  MatrixRun run;
  bughunt::Case view{.id = 8, .slug = "view", .detector = bughunt::Detector::kAsan};
  bughunt::Case greet{.id = 2, .slug = "greet", .detector = bughunt::Detector::kTsan};
  run.cases = {view, greet};
  run.detectors = {&kAsan, &kDrd};
  run.date = "2026-12-02";
  run.tools = {{"clang", "clang version 14"}};
  auto cell = [](int i, Variant v, const MatrixDetector& d, Result r, std::string evidence) {
    return Cell{.case_index = i, .variant = v, .d = &d, .finding = {r, evidence}, .seconds = 1};
  };
  run.cells = {cell(0, Variant::kBug, kAsan, Result::kReport, "ERROR: AddressSanitizer: x"),
               cell(0, Variant::kFix, kAsan, Result::kClean, "clean"),
               cell(0, Variant::kBug, kDrd, Result::kMissed, "passed"),
               cell(0, Variant::kFix, kDrd, Result::kClean, "clean"),
               cell(1, Variant::kBug, kAsan, Result::kMissed, "passed"),
               cell(1, Variant::kFix, kAsan, Result::kFalseAlarm, "ERROR: LeakSanitizer: y"),
               cell(1, Variant::kBug, kDrd, Result::kReport, "Conflicting load"),
               cell(1, Variant::kFix, kDrd, Result::kClean, "clean")};
  return run;
}

// A row shows each bug's result, bold for the case's own detector, FA for a fix's false alarm.
TEST(MatrixRenderTest, TableMarksHomeDetectorAndFalseAlarms) {
  const std::string table = bughunt::render_table(canned_run());
  EXPECT_NE(table.find("| case | asan | drd |"), std::string::npos) << table;
  EXPECT_NE(table.find("| 08 view | **report** | - |"), std::string::npos) << table;
  EXPECT_NE(table.find("| 02 greet | - FA | report |"), std::string::npos) << table;
  EXPECT_NE(table.find("Declared detectors caught 1 of their 1 cases."), std::string::npos);
}

// The tallies count the cells: asan caught one with one false alarm, so 50% precision.
TEST(MatrixRenderTest, TalliesCountTheCells) {
  const std::string table = bughunt::render_table(canned_run());
  EXPECT_NE(table.find("| asan | 1 | 1 | 0 | 0 | 1 | 0 | 1 | 50% | 50% | 4.0 s |"),
            std::string::npos)
      << table;
  const std::string summary = bughunt::render_summary(canned_run());
  EXPECT_NE(summary.find("8 cells"), std::string::npos) << summary;
}

// Evidence lists caught bugs and unclean fixes, never a miss or a clean fix.
TEST(MatrixRenderTest, EvidenceListsOnlyWhatIsWorthReading) {
  const std::string evidence = bughunt::render_evidence(canned_run());
  EXPECT_NE(evidence.find("- asan (report): `ERROR: AddressSanitizer: x`"), std::string::npos);
  EXPECT_NE(evidence.find("- asan on the fix (false alarm): `ERROR: LeakSanitizer: y`"),
            std::string::npos);
  EXPECT_EQ(evidence.find("passed"), std::string::npos) << evidence;
  EXPECT_EQ(evidence.find("clean`"), std::string::npos) << evidence;
}

// The document keeps what is outside its marked regions and replaces what is inside.
TEST(MatrixRenderTest, DocumentReplacesOnlyItsRegions) {
  const std::string doc = bughunt::render_document(
      "# Mine\n\nhand-written\n\n<!-- matrix:table -->\nold\n<!-- /matrix:table -->\n",
      canned_run());
  EXPECT_EQ(doc.rfind("# Mine\n\nhand-written\n", 0), 0u) << doc;
  EXPECT_EQ(doc.find("\nold\n"), std::string::npos) << doc;
  EXPECT_NE(doc.find("<!-- matrix:evidence -->"), std::string::npos) << doc;
}

// The JSON has every cell under its case and variant, and each detector's summary.
TEST(MatrixRenderTest, JsonHasEveryCell) {
  const nlohmann::json doc = bughunt::render_json(canned_run());
  ASSERT_EQ(doc["cases"].size(), 2u);
  EXPECT_EQ(doc["cases"][1]["fix"]["asan"]["result"], "false alarm");
  EXPECT_EQ(doc["cases"][0]["bug"]["drd"]["result"], "missed");
  EXPECT_EQ(doc["detectors"][0]["declared_for"], "asan");
  EXPECT_EQ(doc["detectors"][1]["summary"]["caught"], 1);
}

}  // namespace
