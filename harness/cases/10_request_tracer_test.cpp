// harness/cases/10_request_tracer_test.cpp — two requests finish back to back
// while the collector is busy. A turnstile holds the senders until both
// requests have finished; it orders the threads in time without synchronising
// them, so it hides no race.
#include "harness/cases/10_request_tracer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "harness/support/schedule.h"

namespace {

// A collector that has no room until the test makes some, and keeps the spans
// it is sent.
class BusyCollector : public tracing::Collector {
 public:
  void wait_for_room() override { room_.wait(); }
  void send(std::string span) override {
    std::lock_guard lock(mu_);
    spans_.push_back(std::move(span));
  }
  void make_room() { room_.open(); }
  std::vector<std::string> spans() {
    std::lock_guard lock(mu_);
    return spans_;
  }

 private:
  harness::Turnstile room_;
  std::mutex mu_;
  std::vector<std::string> spans_;  // guarded by mu_
};

// Spans that wait for the collector still describe their own requests when they arrive.
TEST(TracerTest, EachSpanDescribesItsOwnRequest) {
  BusyCollector collector;
  {
    tracing::Tracer tracer(collector);
    tracer.finish({"4bf92f3577b34da6", "GET", "/cart", 200});
    tracer.finish({"00f067aa0ba902b7", "POST", "/checkout", 502});
    collector.make_room();
  }  // the tracer waits for its senders
  std::vector<std::string> spans = collector.spans();

  ASSERT_EQ(spans.size(), 2u) << "the collector received " << spans.size()
                              << " spans for 2 requests";
  std::sort(spans.begin(), spans.end());  // the senders may finish in either order
  const std::vector<std::string> want = {
      "trace=00f067aa0ba902b7 name=POST /checkout status=502",
      "trace=4bf92f3577b34da6 name=GET /cart status=200",
  };
  EXPECT_EQ(spans, want) << "the collector received '" << spans[0] << "' and '" << spans[1] << "'";
}

}  // namespace
