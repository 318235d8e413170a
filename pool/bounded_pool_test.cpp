// Tests of pool/bounded_pool.h: BoundedPool's bound, its ring, and the parts
// of Pool's contract it keeps.
#include "pool/bounded_pool.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>

#include "pool/pool.h"
#include "pool/testing/fixed_pool_checks.h"
#include "pool/testing/print_stats.h"
#include "pool/testing/tracked.h"

namespace {

using pool::testing::double_holds_under_stress;
using pool::testing::expect_empty_and_untouched_by_collect;
using pool::testing::expect_lease_puts_back;
using pool::testing::make_tracked;
using pool::testing::Tracked;

// get() never waits: on an empty pool it makes a new object with the factory.
TEST(BoundedPoolTest, GetMakesNewObjectWhenEmpty) {
  pool::BoundedPool<Tracked> p(2, make_tracked);
  Tracked* a = p.get();
  Tracked* b = p.get();
  EXPECT_NE(a, b);
  EXPECT_EQ(p.stats(), (pool::Stats{.gets = 2, .puts = 0, .misses = 2, .drops = 0}));
  p.put(a);
  p.put(b);
  EXPECT_EQ(p.get(), a) << "the first object put is the first one out (a ring)";
  p.put(a);
}

// put() on a full pool deletes the object and counts a drop.
TEST(BoundedPoolTest, PutDropsWhenFull) {
  Tracked::reset_counts();
  {
    pool::BoundedPool<Tracked> p(2);
    p.put(new Tracked);
    p.put(new Tracked);
    p.put(new Tracked);
    EXPECT_EQ(Tracked::alive(), 2);
    EXPECT_EQ(p.stats(), (pool::Stats{.gets = 0, .puts = 3, .misses = 0, .drops = 1}));
  }
  EXPECT_EQ(Tracked::alive(), 0) << "destroying the pool deletes what it holds";
}

// A flood of 1000 puts leaves exactly `capacity` objects alive: memory is bounded.
TEST(BoundedPoolTest, FloodLeavesAtMostCapacityIdle) {
  Tracked::reset_counts();
  pool::BoundedPool<Tracked> p(32);
  for (int i = 0; i < 1000; ++i) p.put(new Tracked);
  EXPECT_EQ(Tracked::alive(), 32);
  EXPECT_EQ(p.stats().drops, 1000u - 32u);
  EXPECT_EQ(p.capacity(), 32u);
}

// Without a factory an empty pool returns nullptr, and pool::collect() leaves
// a BoundedPool alone.
TEST(BoundedPoolTest, EmptyWithoutFactoryAndUntouchedByCollect) {
  pool::BoundedPool<Tracked> p(4);
  expect_empty_and_untouched_by_collect(p);
}

// A capacity that is not a power of two works lap after lap.
TEST(BoundedPoolTest, OddCapacityWrapsAround) {
  pool::BoundedPool<Tracked> p(3, make_tracked);
  for (int lap = 0; lap < 50; ++lap) {
    Tracked* a = p.get();
    Tracked* b = p.get();
    p.put(a);
    p.put(b);
  }
  EXPECT_EQ(p.stats().misses, 2u);
  EXPECT_EQ(p.stats().drops, 0u);
}

// A capacity of one keeps one object: a second put drops, and a get after a
// put returns (rather than waits for) the object kept.
TEST(BoundedPoolTest, CapacityOneKeepsOneObject) {
  Tracked::reset_counts();
  pool::BoundedPool<Tracked> p(1, make_tracked);
  for (int lap = 0; lap < 3; ++lap) {
    Tracked* a = p.get();
    Tracked* b = p.get();
    p.put(a);
    p.put(b);
    EXPECT_EQ(Tracked::alive(), 1) << "lap " << lap;
    EXPECT_EQ(p.get(), a) << "lap " << lap;
    p.put(a);
  }
  EXPECT_EQ(p.stats(), (pool::Stats{.gets = 9, .puts = 9, .misses = 4, .drops = 3}));
}

// A capacity of zero is refused.
TEST(BoundedPoolTest, ZeroCapacityThrows) {
  EXPECT_THROW(pool::BoundedPool<Tracked>(0), std::invalid_argument);
}

// borrow(): a lease puts its object back into the bounded pool.
TEST(BoundedPoolTest, LeaseReturnsObject) {
  pool::BoundedPool<Tracked> p(1, make_tracked);
  expect_lease_puts_back(p);
}

// Stress: 8 threads share a pool of 4; nothing is shared, nothing leaks, and
// the counters balance.
TEST(BoundedPoolTest, StressNoObjectIsSharedAndCountersBalance) {
  Tracked::reset_counts();
  {
    pool::BoundedPool<Tracked> p(4, make_tracked);
    EXPECT_EQ(double_holds_under_stress(p, 8, 20'000), 0);
    const pool::Stats s = p.stats();
    EXPECT_EQ(s.gets, 160'000u);
    EXPECT_EQ(s.puts, 160'000u);
    EXPECT_EQ(static_cast<std::uint64_t>(Tracked::constructed.load()), s.misses);
    const std::uint64_t idle = s.puts - (s.gets - s.misses) - s.drops;
    EXPECT_LE(idle, 4u);
    EXPECT_EQ(static_cast<std::uint64_t>(Tracked::alive()), idle);
  }
  EXPECT_EQ(Tracked::alive(), 0);
}

}  // namespace
