// harness/cases/13_service_log_test.cpp — the scenario of case 13: a
// service starts and logs its first records. Each must be in the log, in
// order; the log may hold debug lines of its own between them.
#include "harness/cases/13_service_log.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

// The first records a service logs all reach the log, in the order written.
TEST(ServiceLogTest, FirstRecordsAreLoggedInOrder) {
  servicelog::write("INFO", "listening on :8080");
  servicelog::write("WARN", "cache cold, first requests will be slow");
  servicelog::write("INFO", "ready");

  std::vector<std::string> records;
  for (const std::string& line : servicelog::lines()) {
    if (!line.starts_with("DEBUG")) records.push_back(line);
  }
  const std::vector<std::string> want = {
      "INFO  listening on :8080",
      "WARN  cache cold, first requests will be slow",
      "INFO  ready",
  };
  EXPECT_EQ(records, want);
}

}  // namespace
