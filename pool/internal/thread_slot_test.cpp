// Tests of pool/internal/thread_slot.h: live threads hold distinct small slot
// numbers, which is what keeps each thread on a shard of its own.
#include "pool/internal/thread_slot.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <latch>
#include <thread>
#include <vector>

namespace {

using pool::internal::shard_count;
using pool::internal::this_thread_slot;

// A thread keeps its number: every call on one thread gives the same one.
TEST(ThreadSlotsTest, ThreadKeepsItsSlot) {
  const unsigned mine = this_thread_slot();
  for (int i = 0; i < 100; ++i) ASSERT_EQ(this_thread_slot(), mine);
}

// Nine threads alive at once hold the nine lowest numbers, one each.
TEST(ThreadSlotsTest, LiveThreadsHoldTheLowestNumbersOneEach) {
  constexpr int kThreads = 8;
  std::vector<unsigned> slots(kThreads + 1);
  slots[kThreads] = this_thread_slot();
  std::latch all_hold(kThreads + 1);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      slots[t] = this_thread_slot();
      all_hold.arrive_and_wait();  // nobody gives a number back before all hold one
    });
  all_hold.arrive_and_wait();
  for (auto& t : threads) t.join();
  std::sort(slots.begin(), slots.end());
  for (unsigned i = 0; i <= kThreads; ++i) EXPECT_EQ(slots[i], i);
}

// A thread that exits gives its number back, and the next thread takes it:
// numbers stay small however many threads come and go.
TEST(ThreadSlotsTest, ExitedThreadsSlotIsReused) {
  this_thread_slot();
  unsigned first = 0, second = 0;
  std::thread([&] { first = this_thread_slot(); }).join();
  std::thread([&] { second = this_thread_slot(); }).join();
  EXPECT_EQ(second, first);
  EXPECT_NE(first, this_thread_slot());
}

// The shard count is a power of two, at least 8 and at least the number of
// hardware threads, so that a slot maps to a shard by masking.
TEST(ThreadSlotsTest, ShardCountIsAPowerOfTwoCoveringTheHardware) {
  const std::size_t n = shard_count();
  EXPECT_EQ(n & (n - 1), 0u);
  EXPECT_GE(n, 8u);
  EXPECT_GE(n, std::thread::hardware_concurrency());
}

}  // namespace
