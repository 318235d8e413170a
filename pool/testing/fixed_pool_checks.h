// pool/testing/fixed_pool_checks.h — what BoundedPool and ShardedPool share,
// checked once for both: each takes a pool of Tracked made by the test.
#pragma once

#include <gtest/gtest.h>

#include "pool/pool.h"
#include "pool/testing/tracked.h"

namespace pool::testing {

// On an empty pool `p` made without a factory: get() returns nullptr, and
// pool::collect(), twice, leaves an object put into it alone.
template <class FixedPool>
void expect_empty_and_untouched_by_collect(FixedPool& p) {
  EXPECT_EQ(p.get(), nullptr);
  auto* x = new Tracked;
  p.put(x);
  pool::collect();
  pool::collect();
  EXPECT_EQ(p.get(), x);
  p.put(x);
}

// On a pool `p` of capacity 1: the object of a lease that ends is the next
// get()'s.
template <class FixedPool>
void expect_lease_puts_back(FixedPool& p) {
  Tracked* seen = nullptr;
  {
    auto lease = p.borrow();
    seen = lease.get();
  }
  EXPECT_EQ(p.get(), seen);
  p.put(seen);
}

}  // namespace pool::testing
