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
  m.c.change_title = "x: return the <buffer>";
  m.c.change_description = "saves a copy";
  m.c.lines = {2, 5};
  m.program = "int main() {\n  std::vector<int>& v = make();\n}\n";
  m.program_path = "bugs/02_x.cpp";
  m.diff = "--- bugs/02_x.cpp\n+++ fixes/02_x.cpp\n@@ -1 +1 @@\n-old & gone\n+new & here\n";
  m.change =
      "--- fixes/02_x.cpp\n+++ bugs/02_x.cpp\n@@ -1,2 +1,2 @@\n int main() {\n"
      "-new & here\n+old & gone\n";
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

// Only the first step, the change, is shown by default; the others wait for pack.js.
TEST(PackStepsTest, OnlyTheChangeIsVisibleAtFirst) {
  const std::string html = render_steps(sample());
  EXPECT_NE(html.find("id=\"step-1\" data-label=\"The change\" data-hides-program>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("id=\"step-2\" data-label=\"The program\" hidden>"), std::string::npos);
  for (int step = 3; step <= 8; ++step) {
    EXPECT_NE(html.find("id=\"step-" + std::to_string(step) + "\""), std::string::npos);
  }
  EXPECT_EQ(html.find("id=\"step-9\""), std::string::npos);
  EXPECT_NE(html.find("\" hidden>\n<h2>The explanation</h2>"), std::string::npos) << html;
}

// The change is a pull request: title and reason escaped, the patch numbered by the broken
// program's lines (a removed line has no number); the hiding of the program is pack.js's.
TEST(PackStepsTest, ChangeIsAPullRequestNumberedByTheBrokenProgram) {
  const std::string html = render_steps(sample());
  const std::string change = html.substr(0, html.find("id=\"step-2\""));
  EXPECT_NE(change.find("<h3 class=\"change-title\">x: return the &lt;buffer&gt;</h3>"),
            std::string::npos)
      << change;
  EXPECT_NE(change.find("<p class=\"change-description\">saves a copy</p>"), std::string::npos);
  EXPECT_NE(change.find("<span class=\"context\" data-n=\"1\"> int main() {</span>"),
            std::string::npos)
      << change;
  EXPECT_NE(change.find("<span class=\"removed\" data-n=\"\">-new &amp; here</span>"),
            std::string::npos);
  EXPECT_NE(change.find("<span class=\"added\" data-n=\"2\">+old &amp; gone</span>"),
            std::string::npos);
  EXPECT_EQ(change.find("the cause"), std::string::npos);
  EXPECT_EQ(change.find("line-link"), std::string::npos) << "the answer shown with the change";
}

// The explanation names the lines a reviewer should have pointed at, each a link to it.
TEST(PackStepsTest, ExplanationLinksTheDeclaredLines) {
  const std::string html = render_steps(sample());
  const std::string explanation = html.substr(html.find("data-label=\"The explanation\""));
  EXPECT_NE(explanation.find("<button class=\"line-link\" type=\"button\" data-line=\"2\">line 2"
                             "</button> <button class=\"line-link\" type=\"button\" "
                             "data-line=\"5\">line 5</button>"),
            std::string::npos)
      << explanation;
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
      "id=\"step-4\" data-label=\"Hint 1 of 2\" hidden>\n<h2>Hint 1 of 2</h2>\n"
      "<p class=\"hint\">a gentle hint</p>");
  const std::size_t pointed = html.find(
      "id=\"step-5\" data-label=\"Hint 2 of 2\" hidden>\n<h2>Hint 2 of 2</h2>\n"
      "<p class=\"hint\">a pointed hint</p>");
  EXPECT_NE(gentle, std::string::npos) << html;
  EXPECT_NE(pointed, std::string::npos) << html;
  EXPECT_NE(html.find("id=\"step-6\" data-label=\"The report\""), std::string::npos) << html;
}

}  // namespace
}  // namespace bughunt
