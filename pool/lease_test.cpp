// Tests of pool/lease.h: a Lease puts its object back however its scope ends,
// once. Each pool's own borrow() is tested beside that pool.
#include "pool/lease.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <utility>

#include "pool/pool.h"
#include "pool/testing/tracked.h"

namespace {

using pool::testing::make_tracked;
using pool::testing::Tracked;

// A lease puts its object back when its scope ends.
TEST(LeaseTest, ReturnsObjectOnScopeExit) {
  pool::Pool<Tracked> p(make_tracked);
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
TEST(LeaseTest, ReturnsObjectOnException) {
  pool::Pool<Tracked> p(make_tracked);
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
TEST(LeaseTest, EmptyLeaseIsFalse) {
  pool::Pool<Tracked> p;
  {
    auto lease = p.borrow();
    EXPECT_FALSE(lease);
    EXPECT_EQ(lease.get(), nullptr);
  }
  EXPECT_EQ(p.stats().puts, 0u);
}

// A moved lease hands its object on: the moved-from one is empty, and the
// object goes back once, when the lease that holds it dies.
TEST(LeaseTest, MovedLeasePutsBackOnce) {
  pool::Pool<Tracked> p(make_tracked);
  Tracked* seen = nullptr;
  {
    auto first = p.borrow();
    seen = first.get();
    pool::Lease<Tracked> second(std::move(first));
    EXPECT_FALSE(first);  // moved from: empty
    EXPECT_EQ(second.get(), seen);
    EXPECT_EQ(p.stats().puts, 0u) << "the move must not put the object back";
  }
  EXPECT_EQ(p.stats().puts, 1u);
  EXPECT_EQ(p.get(), seen);
  p.put(seen);
}

}  // namespace
