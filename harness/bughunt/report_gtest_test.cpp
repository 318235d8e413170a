// Tests of gtest failures, escaped exceptions and failed assert()s.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "harness/bughunt/report.h"
#include "harness/bughunt/testing/report_fixtures.h"
#include "harness/bughunt/text.h"

namespace {

using bughunt::Frame;
using bughunt::Kind;
using bughunt::Place;
using bughunt::read_reports;
using bughunt::Report;
using bughunt::Source;
using bughunt::testing::kGtestFailure;
using bughunt::testing::reports_of;

// gtest: one line with its message, placed where it failed; "[  FAILED  ]" only as a fallback.
TEST(ReportGtestTest, GtestFailureJoinsItsMessage) {
  const std::vector<Report> reports = read_reports(kGtestFailure, 1);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].source, Source::kGoogleTest);
  EXPECT_EQ(reports[0].headline,
            "harness/cases/01_greeter_test.cpp:21: Failure Expected equality of these "
            "values: second Which is: \"hello alicehello bob\" the greeting for bob carries "
            "alice's");
  EXPECT_EQ(reports[0].message,
            "Expected equality of these values: second Which is: \"hello alicehello bob\" the "
            "greeting for bob carries alice's");
  EXPECT_EQ(bughunt::where(reports[0].stacks.at(0).frames.at(0)),
            "harness/cases/01_greeter_test.cpp:21");
  EXPECT_EQ(reports[0].stacks[0].frames[0].place, Place::kHarness);

  const std::vector<Report> verdict = read_reports("[  FAILED  ] T.t (0 ms)\n", 1);
  ASSERT_EQ(verdict.size(), 1u);
  EXPECT_EQ(verdict[0].headline, "[  FAILED  ] T.t (0 ms)");
}

// An escaped exception reads as one line with its what(), the matrix's wording.
TEST(ReportGtestTest, UncaughtExceptionJoinsWhat) {
  const std::vector<Report> reports = read_reports(
      "terminate called after throwing an instance of 'std::bad_any_cast'\n"
      "  what():  bad any_cast\n",
      134);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].kind, Kind::kAssertion);
  EXPECT_EQ(reports[0].source, Source::kRuntime);
  EXPECT_EQ(reports[0].headline,
            "terminate called after throwing an instance of 'std::bad_any_cast' what(): bad "
            "any_cast");
  EXPECT_EQ(reports[0].message, "bad any_cast");
  EXPECT_EQ(reports[1].headline, "killed by SIGABRT");
  EXPECT_EQ(read_reports("terminate called without an active exception\n", 134)[0].headline,
            "terminate called without an active exception");
}

// glibc's assert(): its line as printed, the expression as message, the place as its frame.
TEST(ReportGtestTest, FailedAssertReadsExpressionAndPlace) {
  const std::string line =
      "case21_bug_plain: bugs/21_example.cpp:12: int count(int): Assertion `n == 1' failed.";
  const std::vector<Report> reports = read_reports(line + "\n", 134);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].kind, Kind::kAssertion);
  EXPECT_EQ(reports[0].source, Source::kRuntime);
  EXPECT_EQ(reports[0].headline, line);
  EXPECT_EQ(reports[0].message, "n == 1");
  const Frame& f = reports[0].stacks.at(0).frames.at(0);
  EXPECT_EQ(f.function, "int count(int)");
  EXPECT_EQ(bughunt::where(f), "bugs/21_example.cpp:12");
  EXPECT_EQ(f.place, Place::kProgram);
  EXPECT_EQ(reports[1].kind, Kind::kSignal);
}

// Each of gtest's three forms gives what the check expected and what it got.
TEST(ReportGtestTest, ExpectationsReadExpectedAndActual) {
  const Report equal = reports_of("01_greeter.plain.txt").front();
  EXPECT_EQ(equal.expected, R"("hello bob")");
  EXPECT_EQ(equal.actual, R"("hello alicehello bob")");
  const Report value = reports_of("05_telemetry_parser.plain.txt").front();
  EXPECT_EQ(value.expected, "true");
  EXPECT_EQ(value.actual, "false");
  const Report bound = reports_of("09_upload_endpoint.plain.txt").front();
  EXPECT_EQ(bound.expected, "(held) <= (kIdleHeapBudget)");
  EXPECT_EQ(bound.actual, "16830880 vs 2097152");
  const Report literal =
      read_reports(
          "a_test.cpp:3: Failure\nExpected equality of these values:\n  count\n    Which is: 10\n"
          "  1u\n",
          1)
          .front();
  EXPECT_EQ(literal.expected, "1u");
  EXPECT_EQ(literal.actual, "10");
  const Report thrown = reports_of("03_csv_writer.plain.txt").front();
  EXPECT_EQ(thrown.expected, "");
  EXPECT_EQ(thrown.actual, "");
}

}  // namespace
