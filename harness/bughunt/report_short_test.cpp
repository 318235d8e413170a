// Tests of the short report on the captured reports of all twenty cases: it
// quotes the lesson's lines as the raw report gives them, fits a screen,
// folds what is not the program, and colours only when asked.
#include "harness/bughunt/report_short.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "harness/bughunt/manifest.h"
#include "harness/bughunt/naming.h"
#include "harness/bughunt/testing/report_fixtures.h"
#include "harness/bughunt/testing/temp_manifest.h"
#include "harness/bughunt/text.h"

namespace {

using bughunt::Report;
using bughunt::testing::fixture;
using bughunt::testing::reports_of;

const std::filesystem::path kSource = BUGHUNT_SOURCE_DIR;

std::string short_of(const std::vector<Report>& reports, bool colour = false, bool all = false) {
  return bughunt::short_report(reports, {.root = kSource, .colour = colour, .all = all});
}

// The fixture of a case's own bug run: NN_slug.<its detector's flavour>.txt.
std::string case_fixture(const bughunt::Case& c) {
  return fmt::format("{}.{}.txt", c.stem(), bughunt::name(c.detector_flavour()));
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// Every frame the short report quotes from bugs/ is a line of the bug file, quoted as it
// stands there, at a place the raw report names; each sanitizer case quotes at least one.
TEST(ReportShortTest, QuotedProgramLinesAreTheBugFilesAsTheRawReportSays) {
  static const std::regex kLocation(R"(^  ([^\s:]+):(\d+)(:\d+)?( in .*)?$)");
  static const std::regex kQuote(R"(^ *(\d+) \| (.*)$)");
  for (const bughunt::Case& c : bughunt::load_manifest(bughunt::testing::kManifest)) {
    const std::string file = case_fixture(c);
    SCOPED_TRACE(file);
    const std::string raw = fixture(file);
    const std::string text = short_of(reports_of(file));
    const std::vector<std::string_view> lines = bughunt::lines_of(text);
    int quoted = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      std::match_results<std::string_view::const_iterator> at, quote;
      if (!std::regex_match(lines[i].begin(), lines[i].end(), at, kLocation)) continue;
      const std::string path = at[1];
      if (!path.starts_with("bugs/")) continue;
      EXPECT_EQ(path, bughunt::source_path(c, bughunt::Variant::kBug).string());
      EXPECT_NE(raw.find(fmt::format("{}:{}", path, at[2].str())), std::string::npos) << lines[i];
      ASSERT_TRUE(std::regex_match(lines[i + 1].begin(), lines[i + 1].end(), quote, kQuote))
          << lines[i + 1];
      EXPECT_EQ(quote[1].str(), at[2].str());
      const std::string program = bughunt::read_file(kSource / path);
      const std::vector<std::string_view> source = bughunt::lines_of(program);
      const std::string shown = quote[2];
      const std::string actual(source.at(std::stoul(at[2]) - 1));
      if (shown.ends_with("…")) {
        EXPECT_TRUE(actual.starts_with(shown.substr(0, shown.size() - 3))) << shown;
      } else {
        EXPECT_EQ(shown, actual);
      }
      ++quoted;
    }
    if (c.detector != bughunt::Detector::kAssert) EXPECT_GT(quoted, 0);
  }
}

// Case 02's short report fits one screen: at most 30 lines of at most 100 columns.
TEST(ReportShortTest, Case02FitsOneScreen) {
  const std::string text = short_of(reports_of("02_deferred_greetings.tsan.txt"));
  const std::vector<std::string_view> lines = bughunt::lines_of(text);
  EXPECT_LE(lines.size(), 30u) << text;
  for (std::string_view line : lines) {
    std::size_t columns = 0;
    for (char ch : line) columns += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    EXPECT_LE(columns, 100u) << line;
  }
}

// The standard library's frames fold to a count, its long names shorten, roles title blocks.
TEST(ReportShortTest, LibraryFramesFoldAndNamesShorten) {
  const std::string text = short_of(reports_of("02_deferred_greetings.tsan.txt"));
  EXPECT_NE(text.find("thread T2 wrote 8 bytes here\n"), std::string::npos) << text;
  EXPECT_NE(text.find("thread T1 had read 8 bytes here, with no synchronisation"),
            std::string::npos);
  EXPECT_NE(text.find("  … 4 frames in the standard library, 2 in the pool\n"), std::string::npos);
  EXPECT_NE(text.find("in greetings::render(std::string_view)\n"), std::string::npos);
  EXPECT_EQ(text.find("__cxx11"), std::string::npos);
  EXPECT_EQ(text.find("harness/"), std::string::npos);  // the scenario's frames fold away
  EXPECT_NE(text.find("neither happens-before the other."), std::string::npos);
}

// Case 17's bad free: the free titled as one, then the global variable's definition, its
// line quoted with a caret under the name, and the sentence naming both lines.
TEST(ReportShortTest, BadFreeShowsTheGlobalVariablesDefinition) {
  const std::string text = short_of(reports_of("17_word_counter.asan.txt"));
  for (const std::string part :
       {"In short: bad-free, reported by AddressSanitizer\n",
        "thread T0 freed memory here that no allocation returned\n"
        "  bugs/17_word_counter.cpp:35:3 in wordcount::release_idle_memory()\n",
        "the memory is global variable 'wordcount::spare_tables', defined here\n"
        "  bugs/17_word_counter.cpp:23:33\n"
        "    23 | std::array<Table, kSpareTables> spare_tables;\n"
        "       |                                 ^\n"}) {
    EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
  }
  EXPECT_NE(bughunt::one_line(text).find("in global variable 'wordcount::spare_tables', defined "
                                         "at bugs/17_word_counter.cpp:23."),
            std::string::npos)
      << text;
}

// Colour codes only when asked, for a terminal; the text is the same without them.
TEST(ReportShortTest, ColourOnlyWhenAsked) {
  const std::vector<Report> reports = reports_of("08_audit_trail.asan.txt");
  const std::string plain = short_of(reports);
  const std::string coloured = short_of(reports, true);
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  EXPECT_NE(coloured.find("\x1b["), std::string::npos);
  EXPECT_EQ(bughunt::strip_colour(coloured), plain);
}

// A recursion shows one round of calls, not hundreds of frames.
TEST(ReportShortTest, RecursionShowsOneRound) {
  const std::string text = short_of(reports_of("13_service_log.asan.txt"));
  EXPECT_LE(bughunt::lines_of(text).size(), 12u) << text;
  EXPECT_NE(text.find("and round again"), std::string::npos);
  EXPECT_NE(text.find("A stack overflow: the calls through bugs/13_service_log.cpp:35"),
            std::string::npos);
}

// A failed check: the scenario's line quoted, what it expected against what it got.
TEST(ReportShortTest, FailedCheckShowsExpectedAgainstActual) {
  const std::string text = short_of(reports_of("01_greeter.plain.txt"));
  EXPECT_NE(text.find("  harness/cases/01_greeter_test.cpp:15\n"), std::string::npos);
  EXPECT_NE(text.find("| " + std::string("    EXPECT_EQ(greeting, \"hello \" + name)")),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("it expected \"hello bob\" and got \"hello\nalicehello bob\"."),
            std::string::npos)
      << text;
}

// A death with no report says so; with Valgrind's stack, it names the last program frame.
TEST(ReportShortTest, DeathNamesItsLastFrameOrSaysThereIsNone) {
  const std::string silent = short_of(bughunt::read_reports("[ RUN      ] T.t\n", 139));
  EXPECT_NE(silent.find("The program was killed by SIGSEGV. It printed no report and no backtrace"),
            std::string::npos)
      << silent;
  std::vector<Report> valgrind = reports_of("06_status_endpoint.memcheck.txt");
  const std::string died = short_of({valgrind.back()});
  EXPECT_NE(bughunt::one_line(died).find("its last frame in the program is "
                                         "06_status_endpoint.cpp:27."),
            std::string::npos)
      << died;
}

// Further reports take a line each, the same line once with its count; with `all`, each in full.
TEST(ReportShortTest, FurtherReportsALineEachOrAllInFull) {
  const std::vector<Report> reports = reports_of("15_account_reports.tsan.txt");
  const std::string brief = short_of(reports);
  EXPECT_EQ(count(brief, "In short:"), 1u);
  EXPECT_EQ(count(brief, "\nthen: a data race at bugs/15_account_reports.cpp:22 (2 reports)\n"), 1u)
      << brief;
  EXPECT_EQ(count(brief, "\nthen: a data race at bugs/15_account_reports.cpp:25 (2 reports)\n"), 1u)
      << brief;
  EXPECT_EQ(count(brief, "\nthen: the check at harness/cases/15_"), 1u) << brief;
  const std::string all = short_of(reports, false, true);
  EXPECT_EQ(count(all, "In short:"), reports.size());
  EXPECT_EQ(count(all, "then:"), 0u);
}

// A sanitizer report cut short (no SUMMARY) is shown with what it has, and says it was cut.
TEST(ReportShortTest, CutShortReportSaysSo) {
  const std::string raw = fixture("08_audit_trail.asan.txt");
  const std::string cut = raw.substr(0, raw.find("previously allocated by"));
  const std::string text = short_of(bughunt::read_reports(cut, 1));
  EXPECT_NE(text.find("(the report ends before its SUMMARY line: it was cut short)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("the memory was freed here, by thread T0"), std::string::npos);
  EXPECT_EQ(short_of({}), "");
}

// The standard library's long spellings shorten; very long template names fold.
TEST(ReportShortTest, ShortNamesReadAsWritten) {
  using bughunt::short_name;
  EXPECT_EQ(short_name("greetings::print(std::__cxx11::basic_string<char, std::char_traits<char>, "
                       "std::allocator<char> >*)"),
            "greetings::print(std::string*)");
  EXPECT_EQ(short_name("greetings::render[abi:cxx11](std::basic_string_view<char, "
                       "std::char_traits<char> >)"),
            "greetings::render(std::string_view)");
  EXPECT_EQ(short_name("greetings::(anonymous namespace)::$_0::operator()() const"),
            "greetings::$_0::operator()() const");
  EXPECT_EQ(short_name("void std::thread::_Invoker<std::tuple<(anonymous namespace)::"
                       "GreetingsTest_GreetingPrintedLaterStillNamesItsUser_Test::TestBody()::$_0> "
                       ">::_M_invoke<0ul>(std::_Index_tuple<0ul>)"),
            "void std::thread::_Invoker<…>::_M_invoke<…>(std::_Index_tuple<…>)");
}

}  // namespace
