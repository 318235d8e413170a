// harness/cases/17_word_counter_test.cpp — a caller reads its count after the collector ran.
#include "harness/cases/17_word_counter.h"

#include <gtest/gtest.h>

#include "pool/pool.h"

// The worker finishes, two collection cycles pass while the caller is busy elsewhere (as Go's
// collector may run at any time), and then the caller reads its count: nine words.
TEST(WordCountTest, CountSurvivesCollections) {
  wordcount::Job* job = wordcount::dispatch("the quick brown fox jumps over the lazy dog");
  wordcount::join_workers();
  pool::collect();
  pool::collect();
  EXPECT_EQ(wordcount::words_in(job), 9u);
}
