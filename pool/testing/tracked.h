// pool/testing/tracked.h — an object for pool tests that counts how many of
// its kind exist (so a test can see what a pool made, kept and deleted) and
// flags whether a caller holds it (so a test can see two callers share one).
#pragma once

#include <atomic>

namespace pool::testing {

struct Tracked {
  static inline std::atomic<int> constructed{0};
  static inline std::atomic<int> destroyed{0};
  static void reset_counts() { constructed = 0, destroyed = 0; }
  static int alive() { return constructed - destroyed; }

  explicit Tracked(int serial = 0) : serial(serial) { ++constructed; }
  ~Tracked() { ++destroyed; }

  int serial;
  std::atomic<bool> in_use{false};
  long payload = 0;
};

}  // namespace pool::testing
