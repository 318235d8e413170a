// Puts the process's pool counters into GoogleTest's own report, so that
// `bughunt check` can tell a fix that keeps the pool from one that dropped it
// (a passing fix may do either: the verdict says which). Recorded when the
// tests are over, outside any test, so they appear as properties of the
// whole run: "pool_gets" and "pool_misses" at the top of the JSON report.
#include <gtest/gtest.h>

#include "pool/pool.h"

namespace {

class PoolCounts : public ::testing::Environment {
 public:
  void TearDown() override {
    const pool::Stats s = pool::process_stats();
    ::testing::Test::RecordProperty("pool_gets", std::to_string(s.gets));
    ::testing::Test::RecordProperty("pool_misses", std::to_string(s.misses));
  }
};

// The environment is gtest's to delete.
[[maybe_unused]] ::testing::Environment* const kPoolCounts =
    ::testing::AddGlobalTestEnvironment(new PoolCounts);

}  // namespace
