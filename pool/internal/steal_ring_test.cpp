// Tests of pool/internal/steal_ring.h, the ring on its own (Pool's tests
// drive it through the pool).
#include "pool/internal/steal_ring.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace {

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

}  // namespace
