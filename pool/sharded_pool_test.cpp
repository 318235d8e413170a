// Tests of pool/sharded_pool.h: ShardedPool's split bound, its per-thread
// shards and stealing, and the parts of Pool's contract it keeps.
#include "pool/sharded_pool.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <latch>
#include <stdexcept>
#include <thread>
#include <vector>

#include "pool/internal/thread_slot.h"
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

// The bound is split over a power-of-two number of shards whose shares add up to it.
TEST(ShardedPoolTest, SharesAddUpToTheBound) {
  for (std::size_t bound : {1u, 3u, 7u, 200u}) {
    Tracked::reset_counts();
    pool::ShardedPool<Tracked> p(bound);
    EXPECT_EQ(p.capacity(), bound);
    EXPECT_LE(p.shard_count(), bound);
    EXPECT_EQ(p.shard_count() & (p.shard_count() - 1), 0u);
    // Fill every shard: this thread and as many others as there are shards,
    // all alive at once, hold consecutive slot numbers, so every shard is
    // some thread's own.
    const int threads = static_cast<int>(pool::internal::shard_count());
    std::latch all_alive(threads + 1);
    std::vector<std::thread> workers;
    auto flood = [&] {
      pool::internal::this_thread_slot();  // take a slot before any thread can exit
      all_alive.arrive_and_wait();
      for (std::size_t i = 0; i < bound; ++i) p.put(new Tracked);
    };
    for (int t = 0; t < threads; ++t) workers.emplace_back(flood);
    flood();
    for (auto& w : workers) w.join();
    EXPECT_EQ(static_cast<std::size_t>(Tracked::alive()), bound) << "bound " << bound;
  }
}

// A flood from 16 threads at once never leaves more than the bound alive.
TEST(ShardedPoolTest, FloodFromManyThreadsStaysWithinBound) {
  Tracked::reset_counts();
  pool::ShardedPool<Tracked> p(200);
  std::latch all_alive(16);
  std::vector<std::thread> workers;
  for (int t = 0; t < 16; ++t)
    workers.emplace_back([&] {
      pool::internal::this_thread_slot();  // take a slot before any thread can exit
      all_alive.arrive_and_wait();
      for (int i = 0; i < 100; ++i) p.put(new Tracked);
    });
  for (auto& w : workers) w.join();
  const pool::Stats s = p.stats();
  EXPECT_LE(Tracked::alive(), 200);
  EXPECT_EQ(s.puts, 1600u);
  EXPECT_EQ(static_cast<std::uint64_t>(Tracked::alive()), s.puts - s.drops);
}

// A thread gets back what it just put, every time: its shard is chosen by the
// thread, not by a clock or a random number.
TEST(ShardedPoolTest, ThreadFindsWhatItPutInItsOwnShard) {
  pool::ShardedPool<Tracked> p(64, make_tracked);
  Tracked* mine = p.get();
  for (int i = 0; i < 1000; ++i) {
    p.put(mine);
    ASSERT_EQ(p.get(), mine) << "round " << i;
  }
  EXPECT_EQ(p.stats().misses, 1u);
  p.put(mine);
}

// A get on an empty shard takes an idle object from another thread's shard.
TEST(ShardedPoolTest, GetStealsFromAnotherShard) {
  pool::ShardedPool<Tracked> p(64);
  Tracked* put_elsewhere = new Tracked;
  std::latch put_done(1), got(1);
  std::thread other([&] {
    p.put(put_elsewhere);
    put_done.count_down();
    got.wait();  // stay alive, so the thief cannot have this thread's slot
  });
  put_done.wait();
  std::thread thief([&] {
    EXPECT_EQ(p.get(), put_elsewhere);
    got.count_down();
    p.put(put_elsewhere);
  });
  thief.join();
  other.join();
  EXPECT_EQ(p.stats().misses, 0u);
}

// Without a factory an empty pool returns nullptr, and pool::collect() leaves
// a ShardedPool alone.
TEST(ShardedPoolTest, EmptyWithoutFactoryAndUntouchedByCollect) {
  pool::ShardedPool<Tracked> p(4);
  expect_empty_and_untouched_by_collect(p);
}

// borrow(): a lease puts its object back into this thread's shard.
TEST(ShardedPoolTest, LeaseReturnsObject) {
  pool::ShardedPool<Tracked> p(1, make_tracked);
  expect_lease_puts_back(p);
}

// A bound of zero is refused.
TEST(ShardedPoolTest, ZeroBoundThrows) {
  EXPECT_THROW(pool::ShardedPool<Tracked>(0), std::invalid_argument);
}

// Stress: 8 threads on a pool of 16; nothing is shared, nothing leaks, and the
// counters balance.
TEST(ShardedPoolTest, StressNoObjectIsSharedAndCountersBalance) {
  Tracked::reset_counts();
  {
    pool::ShardedPool<Tracked> p(16, make_tracked);
    EXPECT_EQ(double_holds_under_stress(p, 8, 20'000), 0);
    const pool::Stats s = p.stats();
    EXPECT_EQ(s.gets, 160'000u);
    EXPECT_EQ(s.puts, 160'000u);
    const std::uint64_t idle = s.puts - (s.gets - s.misses) - s.drops;
    EXPECT_LE(idle, 16u);
    EXPECT_EQ(static_cast<std::uint64_t>(Tracked::alive()), idle);
  }
  EXPECT_EQ(Tracked::alive(), 0);
}

}  // namespace
