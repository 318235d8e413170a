// Tests of pack/steps.cpp: a case page's steps and its report.
#include <gtest/gtest.h>

#include "harness/bughunt/pack/pack.h"

namespace bughunt {
namespace {

CaseMaterial sample() {
  CaseMaterial m;
  m.c.id = 2;
  m.c.symptom = "a <symptom>";
  m.c.hints = {"a gentle hint", "a pointed hint"};
  m.c.cause = "the cause";
  m.c.fix = "the fix";
  m.c.rule = "the rule";
  m.program = "int main() {\n  std::vector<int>& v = make();\n}\n";
  m.program_path = "bugs/02_x.cpp";
  m.diff = "--- bugs/02_x.cpp\n+++ fixes/02_x.cpp\n@@ -1 +1 @@\n-old & gone\n+new & here\n";
  Report r;
  r.headline = "ERROR: AddressSanitizer: heap-use-after-free";
  r.stacks.push_back({.role = Role::kAccess,
                      .heading = "READ of size 8",
                      .thread = "T0",
                      .frames = {{.function = "f",
                                  .file = "bugs/02_x.cpp",
                                  .line = 2,
                                  .column = 3,
                                  .place = Place::kProgram},
                                 {.function = "std::g", .place = Place::kLibrary},
                                 {.function = "std::h", .place = Place::kLibrary}}});
  m.reports = {r};
  m.output = "==1==ERROR: AddressSanitizer: heap-use-after-free <raw>\n";
  return m;
}

// Only the first step is shown by default; the others wait for pack.js.
TEST(PackStepsTest, OnlyTheFirstStepIsVisible) {
  const std::string html = render_steps(sample());
  EXPECT_NE(html.find("id=\"step-1\" data-label=\"The program\">"), std::string::npos) << html;
  for (int step = 2; step <= 7; ++step) {
    EXPECT_NE(html.find("id=\"step-" + std::to_string(step) + "\""), std::string::npos);
  }
  EXPECT_EQ(html.find("id=\"step-8\""), std::string::npos);
  EXPECT_NE(html.find("\" hidden>\n<h2>The explanation</h2>"), std::string::npos) << html;
}

// A program frame links to its line and quotes it, escaped; library frames fold into a count.
TEST(PackStepsTest, ReportLinksProgramFramesAndFoldsTheRest) {
  const std::string html = render_report(sample());
  EXPECT_NE(html.find("data-line=\"2\">bugs/02_x.cpp:2:3</button>"), std::string::npos) << html;
  EXPECT_NE(html.find("std::vector&lt;int&gt;&amp; v = make();"), std::string::npos) << html;
  EXPECT_NE(html.find("… 2 frames in the standard library"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;raw&gt;"), std::string::npos) << html;
}

// The diff and the symptom are escaped too.
TEST(PackStepsTest, EscapesTheDiffAndTheSymptom) {
  const std::string html = render_steps(sample());
  EXPECT_NE(html.find("<span class=\"added\">+new &amp; here</span>"), std::string::npos);
  EXPECT_NE(html.find("a &lt;symptom&gt;"), std::string::npos);
}

// Each hint of the ladder is a step of its own, in the ladder's order.
TEST(PackStepsTest, EachHintIsAStepInOrder) {
  const std::string html = render_steps(sample());
  const std::size_t gentle = html.find(
      "id=\"step-3\" data-label=\"Hint 1 of 2\" hidden>\n<h2>Hint 1 of 2</h2>\n"
      "<p class=\"hint\">a gentle hint</p>");
  const std::size_t pointed = html.find(
      "id=\"step-4\" data-label=\"Hint 2 of 2\" hidden>\n<h2>Hint 2 of 2</h2>\n"
      "<p class=\"hint\">a pointed hint</p>");
  EXPECT_NE(gentle, std::string::npos) << html;
  EXPECT_NE(pointed, std::string::npos) << html;
  EXPECT_NE(html.find("id=\"step-5\" data-label=\"The report\""), std::string::npos) << html;
}

}  // namespace
}  // namespace bughunt
