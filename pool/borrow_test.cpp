// Tests of pool/borrow.h: run_borrowed puts the object back only after the
// callable has finished, whether it returns, throws or is asked to stop.
#include "pool/borrow.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <latch>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <thread>

#include "pool/bounded_pool.h"
#include "pool/pool.h"
#include "pool/testing/print_stats.h"

namespace {

// A stop requested while the callable runs: the callable still holds the object
// (no put counted yet), and it goes back once the callable has returned.
TEST(RunBorrowedTest, CancelledBorrowReturnsObjectAfterCallableEnds) {
  pool::Pool<std::string> p([] { return std::make_unique<std::string>(); });
  std::latch started(1);
  pool::Stats seen_after_stop;
  pool::BorrowOutcome outcome = pool::BorrowOutcome::kCompleted;
  std::jthread worker([&](std::stop_token stop) {
    outcome = pool::run_borrowed(p, stop, [&](std::string& buf, std::stop_token st) {
      buf = "in use";
      started.count_down();
      std::mutex mu;
      std::condition_variable_any cv;
      std::unique_lock lock(mu);
      cv.wait(lock, st, [] { return false; });  // returns once a stop is requested
      seen_after_stop = p.stats();              // cancelled, still running
    });
  });
  started.wait();
  EXPECT_EQ(p.stats().puts, 0u);
  worker.request_stop();
  worker.join();

  EXPECT_EQ(outcome, pool::BorrowOutcome::kStopped);
  EXPECT_EQ(seen_after_stop, (pool::Stats{.gets = 1, .puts = 0, .misses = 1, .drops = 0}));
  EXPECT_EQ(p.stats(), (pool::Stats{.gets = 1, .puts = 1, .misses = 1, .drops = 0}));
  std::string* back = p.get();
  EXPECT_EQ(*back, "in use") << "the same object went back";
  p.put(back);
}

// A stop requested before the call: the callable is not run and nothing is taken.
TEST(RunBorrowedTest, StopBeforeStartTakesNothing) {
  pool::Pool<std::string> p([] { return std::make_unique<std::string>(); });
  std::stop_source source;
  source.request_stop();
  bool ran = false;
  auto outcome = pool::run_borrowed(p, source.get_token(), [&](std::string&) { ran = true; });
  EXPECT_EQ(outcome, pool::BorrowOutcome::kStopped);
  EXPECT_FALSE(ran);
  EXPECT_EQ(p.stats(), pool::Stats{});
}

// A callable that throws: the exception propagates and the object goes back.
TEST(RunBorrowedTest, ObjectGoesBackWhenCallableThrows) {
  pool::Pool<std::string> p([] { return std::make_unique<std::string>(); });
  EXPECT_THROW(pool::run_borrowed(p, std::stop_token(),
                                  [](std::string&) { throw std::runtime_error("failed"); }),
               std::runtime_error);
  EXPECT_EQ(p.stats(), (pool::Stats{.gets = 1, .puts = 1, .misses = 1, .drops = 0}));
}

// Without a stop the callable completes; a pool with nothing to lend runs nothing.
TEST(RunBorrowedTest, CompletesOrReportsNoObject) {
  pool::Pool<std::string> with_factory([] { return std::make_unique<std::string>(); });
  EXPECT_EQ(pool::run_borrowed(with_factory, std::stop_token(), [](std::string& s) { s = "x"; }),
            pool::BorrowOutcome::kCompleted);
  pool::Pool<std::string> empty;
  bool ran = false;
  EXPECT_EQ(pool::run_borrowed(empty, std::stop_token(), [&](std::string&) { ran = true; }),
            pool::BorrowOutcome::kNoObject);
  EXPECT_FALSE(ran);
}

// Any pool with T* get() and put(T*) will do: here a BoundedPool, whose
// object goes back and is found again.
TEST(RunBorrowedTest, WorksWithABoundedPool) {
  pool::BoundedPool<std::string> p(1, [] { return std::make_unique<std::string>(); });
  EXPECT_EQ(pool::run_borrowed(p, std::stop_token(), [](std::string& s) { s = "kept"; }),
            pool::BorrowOutcome::kCompleted);
  EXPECT_EQ(p.stats(), (pool::Stats{.gets = 1, .puts = 1, .misses = 1, .drops = 0}));
  std::string* back = p.get();
  EXPECT_EQ(*back, "kept");
  p.put(back);
}

}  // namespace
