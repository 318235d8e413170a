// Allocation checks: how many heap allocations the greeting examples make per
// call, counted by pool/testing/alloc_counter.cpp, which this binary (and no
// other test binary) links.
#include <gtest/gtest.h>

#include <string>

#include "pool/examples/greeting.h"
#include "pool/testing/alloc_counter.h"

namespace {

// Longer than std::string's inline capacity, so the returned string allocates.
constexpr const char* kName = "Ada Lovelace";
constexpr int kRuns = 1000;

// The counter sees an allocation made in plain sight.
TEST(AllocCounterTest, CountsAnAllocation) {
  const auto before = pool::testing::allocations();
  auto* p = new std::string(100, 'x');
  const auto after = pool::testing::allocations();
  delete p;
  EXPECT_GE(after - before, 1u);
}

// The pooled greeting makes at most one allocation per call after warm-up: the
// returned copy. The buffer it formats into comes from the pool.
TEST(GreetingAllocsTest, PooledGreetingAllocatesAtMostOncePerCall) {
  pool::examples::Greeter greeter;
  std::string out;
  const double per_call = pool::testing::allocs_per_run(kRuns, [&] { out = greeter.greet(kName); });
  EXPECT_EQ(out, "hello, Ada Lovelace");
  EXPECT_LE(per_call, 1.0) << "the pooled greeting allocates " << per_call
                           << " times per call; pooling has regressed";
  EXPECT_EQ(greeter.stats().misses, 1u) << "one buffer, made during warm-up, serves every call";
}

// The naive greeting, a fresh std::ostringstream per call, allocates more.
TEST(GreetingAllocsTest, StreamGreetingAllocatesMore) {
  pool::examples::Greeter greeter;
  std::string out;
  const double pooled = pool::testing::allocs_per_run(kRuns, [&] { out = greeter.greet(kName); });
  const double naive =
      pool::testing::allocs_per_run(kRuns, [&] { out = pool::examples::greet_stream(kName); });
  EXPECT_EQ(out, "hello, Ada Lovelace");
  EXPECT_GT(naive, pooled) << "naive " << naive << " per call, pooled " << pooled;
  EXPECT_GE(naive, 2.0);
}

// fmt::format needs no pool for one allocation per call: the yardstick that
// docs/pools.md holds the pooled greeting against.
TEST(GreetingAllocsTest, DirectFormatAllocatesOncePerCall) {
  std::string out;
  const double per_call =
      pool::testing::allocs_per_run(kRuns, [&] { out = pool::examples::greet_format(kName); });
  EXPECT_EQ(out, "hello, Ada Lovelace");
  EXPECT_LE(per_call, 1.0);
}

}  // namespace
