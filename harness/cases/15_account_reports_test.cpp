// harness/cases/15_account_reports_test.cpp — the scenario of case 15: a
// report whose details arrive while its summary is still being written.
// Turnstiles fix that order on every run; they order the threads in time
// without synchronising them, so they hide no race.
#include "harness/cases/15_account_reports.h"

#include <gtest/gtest.h>

#include <string>

#include "harness/support/schedule.h"

namespace {

// Details that arrive while the summary is being written still follow it.
TEST(ReportsTest, DetailsArrivingEarlyStillFollowTheSummary) {
  harness::Turnstile summary_started;
  harness::Turnstile details_written;
  int summary_calls = 0;
  int details_calls = 0;

  const std::string report = reports::render(
      [&](std::string& line) {
        if (++summary_calls > 1) return false;
        summary_started.open();
        details_written.wait();  // the summary takes a while; the details come meanwhile
        line = "balance: 120.00";
        return true;
      },
      [&](std::string& line) {
        if (++details_calls > 1) {
          details_written.open();
          return false;
        }
        summary_started.wait();
        line = "2024-03-01 deposit 120.00";
        return true;
      });

  EXPECT_EQ(report, "balance: 120.00\n2024-03-01 deposit 120.00\n")
      << "the report reads '" << report << "'";
}

}  // namespace
