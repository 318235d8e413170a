#include "pool/pool.h"

#include <gtest/gtest.h>

#include <any>
#include <atomic>
#include <condition_variable>
#include <latch>
#include <mutex>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "pool/any_pool.h"
#include "pool/borrow.h"
#include "pool/testing/print_stats.h"
#include "pool/testing/tracked.h"

namespace {

using pool::testing::double_holds_under_stress;
using pool::testing::Tracked;

// A factory that numbers what it makes: 1, 2, 3, ...
struct CountingFactory {
  std::shared_ptr<std::atomic<int>> calls = std::make_shared<std::atomic<int>>(0);
  std::unique_ptr<Tracked> operator()() const { return std::make_unique<Tracked>(++*calls); }
};

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

// A lease puts its object back when its scope ends.
TEST(PoolTest, LeaseReturnsObjectOnScopeExit) {
  pool::Pool<Tracked> p(CountingFactory{});
  Tracked* seen = nullptr;
  {
    auto lease = p.borrow();
    seen = lease.get();
    lease->payload = 7;
    EXPECT_EQ((*lease).payload, 7);
  }
  Tracked* back = p.get();
  EXPECT_EQ(back, seen);
  p.put(back);
}

// A lease puts its object back when an exception unwinds its scope.
TEST(PoolTest, LeaseReturnsObjectOnException) {
  pool::Pool<Tracked> p(CountingFactory{});
  Tracked* seen = nullptr;
  EXPECT_THROW(
      {
        auto lease = p.borrow();
        seen = lease.get();
        throw std::runtime_error("request failed");
      },
      std::runtime_error);
  Tracked* back = p.get();
  EXPECT_EQ(back, seen);
  p.put(back);
}

// An empty lease (no factory, a miss) is false and puts nothing back.
TEST(PoolTest, EmptyLeaseIsFalse) {
  pool::Pool<Tracked> p;
  auto lease = p.borrow();
  EXPECT_FALSE(lease);
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
    pool::Pool<Tracked> p([] { return std::make_unique<Tracked>(); });
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
    pool::Pool<Tracked> p([] { return std::make_unique<Tracked>(); });
    EXPECT_EQ(double_holds_under_stress(p, 12, 5'000, kBatch,
                                        [](int round) {
                                          if (round % 1'000 == 0) pool::collect();
                                        }),
              0);
  }
  EXPECT_GT(Tracked::constructed, kBatch);
  EXPECT_EQ(Tracked::constructed, Tracked::destroyed);
}

// The ring on its own: its owner pushes and pops while two thieves steal, and
// every pointer comes out exactly once, with what the owner wrote before
// pushing it visible to whoever takes it (TSan checks that ordering).
TEST(StealRingTest, EveryPointerIsTakenExactlyOnce) {
  constexpr int kItems = 200'000;
  struct Item {
    int value = 0;  // plain: written by the owner, read by the taker
    std::atomic<int> taken{0};
  };
  std::vector<Item> items(kItems);
  pool::internal::StealRing<Item, 64> ring;
  std::atomic<bool> done{false};
  std::atomic<int> wrong_values{0};
  auto take = [&](Item* x) {
    if (x->value != 1) ++wrong_values;
    x->taken.fetch_add(1, std::memory_order_relaxed);
  };
  auto thief = [&] {
    while (!done.load(std::memory_order_acquire)) {
      if (Item* x = ring.steal()) take(x);
    }
  };
  std::thread thieves[] = {std::thread(thief), std::thread(thief)};
  int pushed = 0;
  for (int i = 0; i < kItems; ++i) {
    items[i].value = 1;
    while (!ring.push(&items[i])) {  // full: make room the owner's way
      if (Item* x = ring.pop()) take(x);
    }
    ++pushed;
    if (i % 3 == 0) {
      if (Item* x = ring.pop()) take(x);
    }
  }
  while (Item* x = ring.pop()) take(x);
  done.store(true, std::memory_order_release);
  for (auto& t : thieves) t.join();
  EXPECT_EQ(pushed, kItems);
  EXPECT_EQ(wrong_values, 0);
  int once = 0;
  for (const Item& item : items) once += item.taken == 1;
  EXPECT_EQ(once, kItems);
  EXPECT_TRUE(ring.empty());
}

// A full ring refuses the next push, and gives back newest first to its owner
// and oldest first to a thief.
TEST(StealRingTest, FullRingRefusesAndEndsTakeInTheirOrder) {
  int slots[4] = {};
  pool::internal::StealRing<int, 4> ring;
  for (int& s : slots) EXPECT_TRUE(ring.push(&s));
  int extra = 0;
  EXPECT_FALSE(ring.push(&extra));
  EXPECT_EQ(ring.pop(), &slots[3]);
  EXPECT_EQ(ring.steal(), &slots[0]);
  EXPECT_EQ(ring.pop(), &slots[2]);
  EXPECT_EQ(ring.steal(), &slots[1]);
  EXPECT_EQ(ring.pop(), nullptr);
  EXPECT_EQ(ring.steal(), nullptr);
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

// AnyPool hands back what was put, an empty std::any on a miss, and ignores empty puts.
TEST(AnyPoolTest, BehavesLikeGoSyncPool) {
  pool::AnyPool without_factory;
  EXPECT_FALSE(without_factory.get().has_value());
  without_factory.put(std::any());
  EXPECT_FALSE(without_factory.get().has_value());
  without_factory.put(std::any(42));
  EXPECT_EQ(std::any_cast<int>(without_factory.get()), 42);

  pool::AnyPool with_factory([] { return std::any(std::string("fresh")); });
  EXPECT_EQ(std::any_cast<std::string>(with_factory.get()), "fresh");
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

// AnyPool counts like the typed pool under it.
TEST(PoolStatsTest, AnyPoolCountsItsTraffic) {
  pool::AnyPool p([] { return std::any(std::string()); });
  for (int i = 0; i < 10; ++i) p.put(p.get());
  EXPECT_EQ(p.stats(), (pool::Stats{.gets = 10, .puts = 10, .misses = 1, .drops = 0}));
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

// --- Cancellation-aware borrow ---

// A stop requested while the callable runs: the callable still holds the object
// (no put counted yet), and it goes back once the callable has returned.
TEST(RunBorrowedTest, CancelledBorrowReturnsObjectAfterCallableEnds) {
  pool::Pool<std::string> p([] { return std::make_unique<std::string>(); });
  std::latch started(1);
  pool::Stats seen_after_stop;
  pool::BorrowOutcome outcome = pool::BorrowOutcome::kCompleted;
  std::jthread worker([&](std::stop_token stop) {
    outcome = pool::run_borrowed(p, stop, [&](std::string& buf, std::stop_token st) {
      buf = "in use";
      started.count_down();
      std::mutex mu;
      std::condition_variable_any cv;
      std::unique_lock lock(mu);
      cv.wait(lock, st, [] { return false; });  // returns once a stop is requested
      seen_after_stop = p.stats();              // cancelled, still running
    });
  });
  started.wait();
  EXPECT_EQ(p.stats().puts, 0u);
  worker.request_stop();
  worker.join();

  EXPECT_EQ(outcome, pool::BorrowOutcome::kStopped);
  EXPECT_EQ(seen_after_stop, (pool::Stats{.gets = 1, .puts = 0, .misses = 1, .drops = 0}));
  EXPECT_EQ(p.stats(), (pool::Stats{.gets = 1, .puts = 1, .misses = 1, .drops = 0}));
  std::string* back = p.get();
  EXPECT_EQ(*back, "in use") << "the same object went back";
  p.put(back);
}

// A stop requested before the call: the callable is not run and nothing is taken.
TEST(RunBorrowedTest, StopBeforeStartTakesNothing) {
  pool::Pool<std::string> p([] { return std::make_unique<std::string>(); });
  std::stop_source source;
  source.request_stop();
  bool ran = false;
  auto outcome = pool::run_borrowed(p, source.get_token(), [&](std::string&) { ran = true; });
  EXPECT_EQ(outcome, pool::BorrowOutcome::kStopped);
  EXPECT_FALSE(ran);
  EXPECT_EQ(p.stats(), pool::Stats{});
}

// A callable that throws: the exception propagates and the object goes back.
TEST(RunBorrowedTest, ObjectGoesBackWhenCallableThrows) {
  pool::Pool<std::string> p([] { return std::make_unique<std::string>(); });
  EXPECT_THROW(pool::run_borrowed(p, std::stop_token(),
                                  [](std::string&) { throw std::runtime_error("failed"); }),
               std::runtime_error);
  EXPECT_EQ(p.stats(), (pool::Stats{.gets = 1, .puts = 1, .misses = 1, .drops = 0}));
}

// Without a stop the callable completes; a pool with nothing to lend runs nothing.
TEST(RunBorrowedTest, CompletesOrReportsNoObject) {
  pool::Pool<std::string> with_factory([] { return std::make_unique<std::string>(); });
  EXPECT_EQ(pool::run_borrowed(with_factory, std::stop_token(), [](std::string& s) { s = "x"; }),
            pool::BorrowOutcome::kCompleted);
  pool::Pool<std::string> empty;
  bool ran = false;
  EXPECT_EQ(pool::run_borrowed(empty, std::stop_token(), [&](std::string&) { ran = true; }),
            pool::BorrowOutcome::kNoObject);
  EXPECT_FALSE(ran);
}

}  // namespace
