// harness/cases/17_word_counter_test.cpp — the scenario of case 17: the service counts a
// busy day's log, gives memory back when its host asks, and counts on.
#include "harness/cases/17_word_counter.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <string>

#include "harness/support/heap.h"

namespace {

std::string summary(const wordcount::Tally& tally) {
  return fmt::format("{} words, '{}' {} times", tally.words, tally.commonest,
                     tally.commonest_times);
}

// Counts are right before and after the host takes memory back, and the
// counter does give back what it held.
TEST(WordCounterTest, CountsRightBeforeAndAfterMemoryIsGivenBack) {
  wordcount::start();
  std::string log;
  for (int user = 0; user < 100; ++user) log += fmt::format("login user{} ", user);
  EXPECT_EQ(summary(wordcount::count(log)), "200 words, 'login' 100 times");

  const std::size_t before = harness::heap_bytes_in_use();
  wordcount::release_idle_memory();  // the host runs short of memory
  const std::size_t after = harness::heap_bytes_in_use();
  // Under Valgrind the allocator is Valgrind's and the heap reads 0 bytes: no figure to compare.
  if (before > 0) {
    EXPECT_LT(after, before) << "the counter held " << before << " bytes of heap before giving "
                             << "memory back and " << after << " after";
  }

  EXPECT_EQ(summary(wordcount::count("to be or not to be")), "6 words, 'to' 2 times");
}

}  // namespace
