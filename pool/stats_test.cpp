// Tests of pool/stats.h: the balance its contract states holds on every typed
// pool of the library once its traffic has stopped.
#include "pool/stats.h"

#include <gtest/gtest.h>

#include <vector>

#include "pool/bounded_pool.h"
#include "pool/pool.h"
#include "pool/sharded_pool.h"
#include "pool/testing/print_stats.h"
#include "pool/testing/tracked.h"

namespace {

using pool::testing::make_tracked;
using pool::testing::Tracked;

// Gets `held` objects at once, puts them all back, `rounds` times, then
// checks the balance of stats.h against what Tracked counted: idle objects =
// puts - (gets - misses) - drops, and objects made = misses.
template <class P>
void expect_balance_after_traffic(P& p, int rounds, int held) {
  const std::uint64_t gets_before = p.stats().gets;
  for (int r = 0; r < rounds; ++r) {
    std::vector<Tracked*> taken;
    for (int i = 0; i < held; ++i) taken.push_back(p.get());
    for (Tracked* x : taken) p.put(x);
  }
  const pool::Stats s = p.stats();
  EXPECT_EQ(s.gets - gets_before, static_cast<std::uint64_t>(rounds * held));
  EXPECT_EQ(s.puts, s.gets);
  EXPECT_EQ(static_cast<std::uint64_t>(Tracked::constructed.load()), s.misses)
      << ::testing::PrintToString(s);
  EXPECT_EQ(static_cast<std::uint64_t>(Tracked::alive()), s.puts - (s.gets - s.misses) - s.drops)
      << ::testing::PrintToString(s);
}

// Pool: drops come from the accept predicate and from collect()'s victim tier.
TEST(StatsTest, PoolBalances) {
  Tracked::reset_counts();
  int puts = 0;
  pool::Pool<Tracked> p(make_tracked, {.accept = [&puts](const Tracked&) { return ++puts % 3; }});
  expect_balance_after_traffic(p, 20, 4);
  pool::collect();
  pool::collect();
  expect_balance_after_traffic(p, 5, 2);
  EXPECT_GT(p.stats().drops, 0u);
}

// BoundedPool: drops are the puts over its capacity.
TEST(StatsTest, BoundedPoolBalances) {
  Tracked::reset_counts();
  pool::BoundedPool<Tracked> p(2, make_tracked);
  expect_balance_after_traffic(p, 20, 5);
  EXPECT_EQ(p.stats().drops, 20u * 3u);
}

// ShardedPool: drops are the puts over its bound.
TEST(StatsTest, ShardedPoolBalances) {
  Tracked::reset_counts();
  pool::ShardedPool<Tracked> p(2, make_tracked);
  expect_balance_after_traffic(p, 20, 5);
  EXPECT_GT(p.stats().drops, 0u);
}

// process_stats(): every pool's counts, of every kind, a destroyed pool's among them.
TEST(StatsTest, ProcessStatsSumEveryPoolLiveOrDestroyed) {
  const pool::Stats before = pool::process_stats();
  pool::Pool<Tracked> live(make_tracked);
  live.put(live.get());
  {
    pool::Pool<Tracked> gone(make_tracked);
    gone.put(gone.get());
    gone.put(gone.get());
  }
  pool::BoundedPool<Tracked> bounded(2, make_tracked);
  bounded.put(bounded.get());
  pool::ShardedPool<Tracked> sharded(2, make_tracked);
  sharded.put(sharded.get());
  const pool::Stats after = pool::process_stats();
  EXPECT_EQ(after.gets - before.gets, 5u);
  EXPECT_EQ(after.puts - before.puts, 5u);
  EXPECT_EQ(after.misses - before.misses, 4u);
}

}  // namespace
