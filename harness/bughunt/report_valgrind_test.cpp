// Tests of Valgrind's reports: its error count, its stacks by role.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "harness/bughunt/report.h"
#include "harness/bughunt/testing/report_fixtures.h"
#include "harness/bughunt/text.h"

namespace {

using bughunt::Kind;
using bughunt::read_reports;
using bughunt::Report;
using bughunt::testing::fixture;
using bughunt::testing::reports_of;
using bughunt::testing::roles;
using bughunt::testing::stable;

// Valgrind's count decides: 0 errors, no reports; errors without a known headline, one.
TEST(ReportValgrindTest, ValgrindCountDecides) {
  using bughunt::valgrind_error_count;
  EXPECT_EQ(valgrind_error_count(fixture("06_status_endpoint.memcheck.txt")), 1);
  EXPECT_EQ(valgrind_error_count(fixture("08_audit_trail.memcheck.txt")), 5);
  EXPECT_EQ(valgrind_error_count(fixture("02_deferred_greetings.helgrind.txt")), 18);
  EXPECT_EQ(valgrind_error_count(fixture("02_deferred_greetings.drd.txt")), 40);
  EXPECT_EQ(valgrind_error_count(fixture("02_deferred_greetings.tsan.txt")), -1);
  EXPECT_EQ(valgrind_error_count("==1== ERROR SUMMARY: 1 error from 1 context\n"), 1);

  const std::vector<Report> unknown =
      read_reports("==3== Something new\n==3== ERROR SUMMARY: 3 errors from 1 contexts\n", 99);
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].kind, Kind::kValgrindError);
  EXPECT_EQ(unknown[0].headline, "ERROR SUMMARY: 3 errors");
  EXPECT_TRUE(
      read_reports("==4== Invalid read of size 8\n==4== ERROR SUMMARY: 0 errors from 0 contexts\n",
                   0)
          .empty());
}

// Valgrind stacks by role: memcheck's blocks, helgrind's previous access, DRD's segments.
TEST(ReportValgrindTest, ValgrindStacksByRole) {
  const Report memcheck = reports_of("08_audit_trail.memcheck.txt").front();
  EXPECT_EQ(stable(memcheck.stacks[1].heading),
            "Address 0x_ is 0 bytes inside a block of size 31 free'd");
  EXPECT_EQ(memcheck.stacks[2].heading, "Block was alloc'd at");
  EXPECT_EQ(memcheck.stacks[0].frames[0].function, "memmove");

  const Report helgrind = reports_of("02_deferred_greetings.helgrind.txt").front();
  EXPECT_EQ(helgrind.stacks[0].thread, "#3");
  EXPECT_EQ(helgrind.stacks[1].thread, "#2");
  EXPECT_EQ(helgrind.stacks[1].heading,
            "This conflicts with a previous write of size 1 by thread #2");

  const std::vector<Report> drd = reports_of("02_deferred_greetings.drd.txt");
  EXPECT_EQ(roles(drd.at(1)), "access, allocated, other, other");
  EXPECT_EQ(drd[1].stacks[2].heading, "Other segment start (thread 2)");
  EXPECT_EQ(drd[1].stacks[2].thread, "2");
}

}  // namespace
