// Tests of pool/pool.h: Pool<T>'s contract, its counters, its accept
// predicate and its victim tier.
#include "pool/pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "pool/internal/thread_slot.h"
#include "pool/testing/print_stats.h"
#include "pool/testing/tracked.h"

namespace {

using pool::testing::CountingFactory;
using pool::testing::double_holds_under_stress;
using pool::testing::make_tracked;
using pool::testing::Tracked;

// Without a factory a miss is a null pointer, Go's nil from an empty Pool.
TEST(PoolTest, EmptyPoolWithoutFactoryReturnsNull) {
  pool::Pool<Tracked> p;
  EXPECT_EQ(p.get(), nullptr);
}

// The factory runs only on a miss: a put object is found before a new one is made.
TEST(PoolTest, FactoryIsCalledOnlyOnAMiss) {
  CountingFactory factory;
  pool::Pool<Tracked> p(factory);
  Tracked* first = p.get();
  Tracked* second = p.get();
  EXPECT_EQ(first->serial, 1);
  EXPECT_EQ(second->serial, 2);
  p.put(first);
  Tracked* again = p.get();
  EXPECT_EQ(again, first);
  Tracked* third = p.get();
  EXPECT_EQ(third->serial, 3);
  EXPECT_EQ(*factory.calls, 3);
  for (Tracked* x : {second, again, third}) p.put(x);
}

// make_new<T> as the factory: each miss makes a new T, value-initialised (zeros for a
// plain struct, an empty string), so a pool needs no lambda of its own.
TEST(PoolTest, MakeNewFactoryMakesValueInitialisedObjects) {
  struct Counts {
    int hits;
    long bytes;
  };
  pool::Pool<Counts> counts(pool::make_new<Counts>);
  Counts* a = counts.get();
  Counts* b = counts.get();
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_NE(a, b);
  EXPECT_EQ(a->hits, 0);
  EXPECT_EQ(a->bytes, 0);
  counts.put(a);
  counts.put(b);
  pool::Pool<std::string> buffers(pool::make_new<std::string>);
  auto buf = buffers.borrow();
  EXPECT_EQ(*buf, "");
}

// put(nullptr) is ignored, as Go ignores Put(nil).
TEST(PoolTest, PutNullIsIgnored) {
  pool::Pool<Tracked> p;
  p.put(nullptr);
  EXPECT_EQ(p.get(), nullptr);
}

// An idle object survives one collection (in the victim tier) and is deleted at the second.
TEST(PoolTest, IdleObjectSurvivesOneCollectAndDiesAtTheSecond) {
  Tracked::reset_counts();
  pool::Pool<Tracked> p;
  p.put(new Tracked);
  pool::collect();
  EXPECT_EQ(Tracked::destroyed, 0);
  Tracked* back = p.get();
  ASSERT_NE(back, nullptr) << "the victim tier should still hold the object";
  p.put(back);
  pool::collect();
  pool::collect();
  EXPECT_EQ(Tracked::destroyed, 1);
  EXPECT_EQ(p.get(), nullptr);
}

// Two collections free every idle object, however many shards they sit in.
TEST(PoolTest, HundredIdleObjectsAreDeletedAfterTwoCollects) {
  Tracked::reset_counts();
  pool::Pool<Tracked> p;
  for (int i = 0; i < 100; ++i) p.put(new Tracked(i));
  pool::collect();
  EXPECT_EQ(Tracked::destroyed, 0);
  pool::collect();
  EXPECT_EQ(Tracked::destroyed, 100);
}

// A get on one thread steals what another thread put, before calling the factory.
TEST(PoolTest, GetStealsFromAnotherThreadsShard) {
  CountingFactory factory;
  pool::Pool<Tracked> p(factory);
  Tracked* put_elsewhere = nullptr;
  std::thread other([&] {
    put_elsewhere = p.get();
    p.put(put_elsewhere);
  });
  other.join();
  EXPECT_EQ(*factory.calls, 1);
  std::thread thief([&] {
    EXPECT_EQ(p.get(), put_elsewhere);
    p.put(put_elsewhere);
  });
  thief.join();
  EXPECT_EQ(*factory.calls, 1);
}

// Objects cached by threads that have exited stay reachable; none leak.
TEST(PoolTest, ObjectsOfExitedThreadsStayReachable) {
  Tracked::reset_counts();
  {
    pool::Pool<Tracked> p;
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
      threads.emplace_back([&p, t] {
        for (int i = 0; i < 10; ++i) p.put(new Tracked(t * 10 + i));
      });
    for (auto& t : threads) t.join();
    int found = 0;
    std::vector<Tracked*> taken;
    while (Tracked* x = p.get()) taken.push_back(x), ++found;
    EXPECT_EQ(found, 80);
    for (Tracked* x : taken) p.put(x);
  }
  EXPECT_EQ(Tracked::alive(), 0);
}

// Stress: 8 threads x 100 000 get/put with plain writes and a collect() every
// 10 000 rounds; no object is ever held by two threads, and every object made
// is deleted once the pool is gone.
TEST(PoolTest, StressNoObjectIsSharedAndNoneLeaks) {
  Tracked::reset_counts();
  {
    pool::Pool<Tracked> p(make_tracked);
    EXPECT_EQ(double_holds_under_stress(p, 8, 100'000, 1,
                                        [](int round) {
                                          if (round % 10'000 == 0) pool::collect();
                                        }),
              0);
  }
  EXPECT_GT(Tracked::constructed, 0);
  EXPECT_EQ(Tracked::constructed, Tracked::destroyed);
}

// The same in batches of 40 (beyond the private slot, into the shard's ring
// and, for the threads that share a shard, its locked list), with 12 threads
// (more than the 8 shards of a small machine), so that gets pop rings and
// steal from other threads' rings while their owners push.
TEST(PoolTest, StressInBatchesNoObjectIsSharedAndNoneLeaks) {
  constexpr int kBatch = 40;
  Tracked::reset_counts();
  {
    pool::Pool<Tracked> p(make_tracked);
    EXPECT_EQ(double_holds_under_stress(p, 12, 5'000, kBatch,
                                        [](int round) {
                                          if (round % 1'000 == 0) pool::collect();
                                        }),
              0);
  }
  EXPECT_GT(Tracked::constructed, kBatch);
  EXPECT_EQ(Tracked::constructed, Tracked::destroyed);
}

// Destroying a pool deletes its idle objects, in every tier (LSan checks the rest).
TEST(PoolTest, DestroyingPoolFreesIdleObjects) {
  Tracked::reset_counts();
  {
    pool::Pool<Tracked> p;
    p.put(new Tracked);
    pool::collect();     // one in the victim tier
    p.put(new Tracked);  // one in a shard
    p.put(new Tracked);  // one in a shared list
  }
  EXPECT_EQ(Tracked::constructed, 3);
  EXPECT_EQ(Tracked::destroyed, 3);
}

// --- Counters ---

// After 100 get/put pairs on one thread: 100 gets, 100 puts, one miss (one factory call), no drop.
TEST(PoolStatsTest, CountersAddUpAfterHundredGetPutPairs) {
  CountingFactory factory;
  pool::Pool<Tracked> p(factory);
  EXPECT_EQ(p.stats(), pool::Stats{});
  for (int i = 0; i < 100; ++i) p.put(p.get());
  EXPECT_EQ(p.stats(), (pool::Stats{.gets = 100, .puts = 100, .misses = 1, .drops = 0}));
  EXPECT_EQ(*factory.calls, 1);
}

// More threads than shards, 100 pairs each: every operation is counted, and the
// objects left idle are exactly puts - (gets - misses) - drops.
TEST(PoolStatsTest, CountersAddUpAcrossMoreThreadsThanShards) {
  const int threads = static_cast<int>(pool::internal::shard_count()) + 4;
  Tracked::reset_counts();
  pool::Pool<Tracked> p;          // no factory: a miss returns nullptr and the caller makes one
  std::latch all_alive(threads);  // every thread holds its own slot at once
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&] {
      pool::internal::this_thread_slot();  // take a slot before any thread can exit
      all_alive.arrive_and_wait();
      for (int i = 0; i < 100; ++i) {
        Tracked* x = p.get();
        if (x == nullptr) x = new Tracked;
        p.put(x);
      }
    });
  for (auto& w : workers) w.join();
  const pool::Stats s = p.stats();
  EXPECT_EQ(s.gets, 100u * threads);
  EXPECT_EQ(s.puts, 100u * threads);
  EXPECT_EQ(s.drops, 0u);
  EXPECT_EQ(s.misses, static_cast<std::uint64_t>(Tracked::constructed.load()));
  std::uint64_t idle = 0;
  while (Tracked* x = p.get()) {
    delete x;
    ++idle;
  }
  EXPECT_EQ(idle, s.puts - (s.gets - s.misses) - s.drops);
}

// --- Accept predicate: a capacity bound on put ---

// A buffer grown past 64 KiB is deleted on put, not kept: the counters show the
// drop, and the next get makes a new, small buffer.
TEST(PoolAcceptTest, OversizedBufferIsDroppedNotPooled) {
  constexpr std::size_t kMaxPooled = 64 << 10;
  pool::Pool<std::string> buffers(
      [] { return std::make_unique<std::string>(); },
      {.accept = [](const std::string& s) { return s.capacity() <= kMaxPooled; }});
  std::string* big = buffers.get();
  big->append(100 << 10, 'x');
  buffers.put(big);
  EXPECT_EQ(buffers.stats(), (pool::Stats{.gets = 1, .puts = 1, .misses = 1, .drops = 1}));

  std::string* next = buffers.get();
  EXPECT_LE(next->capacity(), kMaxPooled);
  EXPECT_EQ(buffers.stats().misses, 2u) << "the oversized buffer must not come back";
  next->append(1000, 'y');
  buffers.put(next);  // small enough: kept
  EXPECT_EQ(buffers.stats().drops, 1u);
  EXPECT_EQ(buffers.get(), next);
  buffers.put(next);
}

// A pool without a factory takes options too; a refused object is deleted, not leaked.
TEST(PoolAcceptTest, RefusedObjectIsDeletedWithoutFactory) {
  Tracked::reset_counts();
  pool::Pool<Tracked> p({.accept = [](const Tracked& t) { return t.serial >= 0; }});
  p.put(new Tracked(-1));
  p.put(new Tracked(1));
  EXPECT_EQ(Tracked::destroyed, 1);
  EXPECT_EQ(p.stats().drops, 1u);
  Tracked* kept = p.get();
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->serial, 1);
  p.put(kept);
}

// --- Victim tier ---

// A buffer marked before put survives one collect (found again, marker intact)
// and is gone after two more; the counters show its deletion as a drop.
TEST(VictimTierTest, MarkedBufferSurvivesOneCollectOnly) {
  const std::string marker = "UNIQUE-MARKER-12345";
  pool::Pool<std::string> p([] { return std::make_unique<std::string>(); });
  std::string* b = p.get();
  *b = marker;
  p.put(b);

  pool::collect();  // the shards move to the victim tier
  std::string* again = p.get();
  EXPECT_EQ(*again, marker) << "one collect: the victim tier still holds the buffer";
  p.put(again);

  pool::collect();  // into the victim tier again
  pool::collect();  // and deleted
  EXPECT_EQ(p.stats().drops, 1u);
  std::string* fresh = p.get();
  EXPECT_EQ(fresh->find(marker), std::string::npos) << "two collects: the buffer is gone";
  EXPECT_EQ(p.stats().misses, 2u);
  p.put(fresh);
}

}  // namespace
