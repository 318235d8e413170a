// Tests of pool/any_pool.h: AnyPool, the std::any face of Pool<T>.
#include "pool/any_pool.h"

#include <gtest/gtest.h>

#include <any>
#include <string>
#include <utility>

#include "pool/testing/print_stats.h"

namespace {

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

// AnyPool counts like the typed pool under it.
TEST(AnyPoolTest, CountsItsTraffic) {
  pool::AnyPool p([] { return std::any(std::string()); });
  for (int i = 0; i < 10; ++i) p.put(p.get());
  EXPECT_EQ(p.stats(), (pool::Stats{.gets = 10, .puts = 10, .misses = 1, .drops = 0}));
}

// Like Pool<T>'s objects, an idle value survives one collect() and is gone
// after the second.
TEST(AnyPoolTest, IdleValueGoesAtTheSecondCollect) {
  pool::AnyPool p;
  p.put(std::any(std::string("idle")));
  pool::collect();
  std::any back = p.get();
  ASSERT_TRUE(back.has_value()) << "one collect: the victim tier still holds the value";
  EXPECT_EQ(std::any_cast<std::string>(back), "idle");
  p.put(std::move(back));
  pool::collect();
  pool::collect();
  EXPECT_FALSE(p.get().has_value()) << "two collects: the value is gone";
  EXPECT_EQ(p.stats().drops, 1u);
}

}  // namespace
