#include "pool/pool.h"

#include <gtest/gtest.h>

#include <any>
#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include "harness/schedule.h"
#include "pool/any_pool.h"

namespace {

// An object that counts how many of its kind exist, and whether one is in use.
struct Tracked {
  static inline std::atomic<int> constructed{0};
  static inline std::atomic<int> destroyed{0};
  static void reset_counts() { constructed = 0, destroyed = 0; }
  static int alive() { return constructed - destroyed; }

  explicit Tracked(int serial = 0) : serial(serial) { ++constructed; }
  ~Tracked() { ++destroyed; }

  int serial;
  std::atomic<bool> in_use{false};
  long payload = 0;
};

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

// Stress: 8 threads x 100 000 get/put with plain writes; no object is ever held
// by two threads, and every object made is deleted once the pool is gone.
TEST(PoolTest, StressNoObjectIsSharedAndNoneLeaks) {
  constexpr int kThreads = 8;
  constexpr int kRounds = 100'000;
  Tracked::reset_counts();
  std::atomic<int> double_holds{0};
  {
    pool::Pool<Tracked> p([] { return std::make_unique<Tracked>(); });
    harness::Turnstile start;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&] {
        start.wait();
        for (int i = 0; i < kRounds; ++i) {
          Tracked* x = p.get();
          if (x->in_use.exchange(true, std::memory_order_relaxed)) ++double_holds;
          x->payload += 1;  // a plain write: TSan reports it if two threads share x
          x->in_use.store(false, std::memory_order_relaxed);
          p.put(x);
          if (i % 10'000 == 0) pool::collect();
        }
      });
    start.open();
    for (auto& t : threads) t.join();
  }
  EXPECT_EQ(double_holds, 0);
  EXPECT_GT(Tracked::constructed, 0);
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

}  // namespace
