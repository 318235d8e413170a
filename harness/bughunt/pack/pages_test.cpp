// Tests of pack/pages.cpp: the index, the pages of a pack and the matrix page.
#include <gtest/gtest.h>

#include "harness/bughunt/pack/pack.h"

namespace bughunt {
namespace {

constexpr char kPage[] = "<title>{{title}}</title><body class=\"{{kind}}\">{{body}}</body>";
constexpr char kCase[] =
    "{{number}} {{program_name}} {{session_link}}<pre>{{program}}</pre>{{steps}}";

// The index names a case by number, program and symptom: never its title or slug.
TEST(PackPagesTest, IndexGivesNothingAway) {
  CaseMaterial m;
  m.c.id = 7;
  m.c.slug = "netstring_framer";
  m.c.title = "A reset that clears the bytes but not the cursor";
  m.c.symptom = "later frames lose their start";
  m.program = "// x\nnamespace netstring {\n}\n";
  const auto pages = render_pages(kPage, kCase, {m}, {});
  ASSERT_TRUE(pages.contains("index.html"));
  ASSERT_TRUE(pages.contains("case-07.html"));
  EXPECT_FALSE(pages.contains("session.html"));
  const std::string& index = pages.at("index.html");
  EXPECT_NE(index.find("Case 07"), std::string::npos);
  EXPECT_NE(index.find("netstring"), std::string::npos);
  EXPECT_NE(index.find("later frames lose their start"), std::string::npos);
  EXPECT_EQ(index.find("cursor"), std::string::npos) << index;
}

// A session adds its page and the presenter's notes, which alone hold the cause and
// where the change goes wrong.
TEST(PackPagesTest, SessionHasNotesApart) {
  CaseMaterial m;
  m.c.id = 1;
  m.c.cause = "the secret cause";
  m.c.change_title = "greeter: skip the clear()";
  m.c.lines = {21, 22};
  const auto pages = render_pages(kPage, kCase, {m}, {.session = true});
  EXPECT_EQ(pages.at("session.html").find("the secret cause"), std::string::npos);
  EXPECT_EQ(pages.at("session.html").find("goes wrong"), std::string::npos);
  const std::string& notes = pages.at("notes.html");
  EXPECT_NE(notes.find("the secret cause"), std::string::npos);
  EXPECT_NE(notes.find("greeter: skip the clear(); it goes wrong at lines 21, 22."),
            std::string::npos)
      << notes;
}

// The matrix table keeps each cell's outcome as a class, and drops the case's name.
TEST(PackPagesTest, MatrixCellsAreClassedByOutcome) {
  const std::string table = render_matrix(
      "intro\n<!-- matrix:table -->\nMeasured.\n\n| case | assert | tidy |\n|---|---|---|\n"
      "| 02 deferred_greetings | **report** | - FA |\n\nAfter.\n| not | this |\n");
  EXPECT_NE(table.find("<td class=\"declared report\">report</td>"), std::string::npos) << table;
  EXPECT_NE(table.find("<td class=\"missed false-alarm\">- FA</td>"), std::string::npos) << table;
  EXPECT_EQ(table.find("deferred_greetings"), std::string::npos) << table;
  EXPECT_EQ(table.find("not"), std::string::npos) << table;
  EXPECT_EQ(render_matrix("no table here"), "");
}

// The index names a program by its namespace.
TEST(PackPagesTest, ProgramIsNamedByItsNamespace) {
  EXPECT_EQ(program_name("#include <x>\nnamespace ledger {\nnamespace {\n"), "ledger");
  EXPECT_EQ(program_name("int main() {}\n"), "a program");
}

}  // namespace
}  // namespace bughunt
