// harness/cases/12_index_rebuilds_test.cpp — the scenario of case 12: a rebuild
// of the index is running when a second request for one arrives from another
// thread. Turnstiles hold the first rebuild until the second request has been
// answered; they order the threads in time without synchronising them.
#include "harness/cases/12_index_rebuilds.h"

#include <gtest/gtest.h>

#include <thread>

#include "harness/support/schedule.h"

namespace {

// A request arriving while a rebuild runs is skipped; only one rebuild starts.
TEST(ReindexTest, RequestDuringRebuildIsSkipped) {
  harness::Turnstile first_running;
  harness::Turnstile second_answered;
  bool second_ran = false;
  bool second_accepted = false;

  std::thread second_request([&] {
    first_running.wait();
    second_accepted = reindex::run_unless_busy([&] { second_ran = true; });
    second_answered.open();
  });
  const bool first_accepted = reindex::run_unless_busy([&] {
    first_running.open();
    second_answered.wait();  // a long rebuild: the second request comes meanwhile
  });
  second_request.join();

  EXPECT_TRUE(first_accepted);
  EXPECT_FALSE(second_accepted) << "a second rebuild ran while the first was running";
  EXPECT_FALSE(second_ran);
  EXPECT_EQ(reindex::rebuilds_started(), 1);
}

}  // namespace
