// harness/cases/12_index_rebuilds_test.cpp — the scenario of case 12: a rebuild
// of the index is running when a second request for one arrives from another
// thread. Turnstiles hold the first rebuild until the second request has been
// answered; they order the threads in time without synchronising them.
#include "harness/cases/12_index_rebuilds.h"

#include <gtest/gtest.h>

#include <thread>

#include "harness/support/schedule.h"

namespace {

// Each request's answer says whether its rebuild ran, and the count agrees with the answers.
TEST(ReindexTest, AnswersAndCountAgreeWithTheRebuildsThatRan) {
  harness::Turnstile first_running;
  harness::Turnstile second_answered;
  bool first_ran = false;
  bool second_ran = false;
  bool second_accepted = false;

  std::thread second_request([&] {
    first_running.wait();
    second_accepted = reindex::run_unless_busy([&] { second_ran = true; });
    second_answered.open();
  });
  const bool first_accepted = reindex::run_unless_busy([&] {
    first_ran = true;
    first_running.open();
    second_answered.wait();  // a long rebuild: the second request comes meanwhile
  });
  second_request.join();

  EXPECT_TRUE(first_accepted) << "the first request, with nothing running, was skipped";
  EXPECT_TRUE(first_ran);
  EXPECT_EQ(second_accepted, second_ran) << "the second request's answer is not what happened";
  EXPECT_EQ(reindex::rebuilds_started(), second_accepted ? 2 : 1);
}

}  // namespace
