// pool/testing/tracked.h — an object for pool tests that counts how many of
// its kind exist (so a test can see what a pool made, kept and deleted) and
// flags whether a caller holds it (so a test can see two callers share one),
// factories that make it, and a stress run that uses the flag.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <latch>
#include <memory>
#include <thread>
#include <vector>

#include "pool/pool.h"

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

// A factory for any pool: a new Tracked with serial 0.
inline std::unique_ptr<Tracked> make_tracked() { return std::make_unique<Tracked>(); }

// A factory that numbers what it makes (1, 2, 3, ...) and counts its calls;
// copies share the count.
struct CountingFactory {
  std::shared_ptr<std::atomic<int>> calls = std::make_shared<std::atomic<int>>(0);
  std::unique_ptr<Tracked> operator()() const { return std::make_unique<Tracked>(++*calls); }
};

// `threads` threads share pool `p` for `rounds` rounds each. A round gets
// `batch` objects, writes each with a plain write, puts them all back, then
// calls `after_round(round)`. Returns how many gets handed out an object that
// another thread still held: 0 for a correct pool (TSan also checks the plain
// write).
template <class P>
int double_holds_under_stress(P& p, int threads, int rounds, int batch = 1,
                              const std::function<void(int)>& after_round = {}) {
  std::atomic<int> double_holds{0};
  std::latch start(1);  // all threads begin together; the pool must order the rest
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&] {
      start.wait();
      std::vector<Tracked*> held;
      for (int i = 0; i < rounds; ++i) {
        for (int k = 0; k < batch; ++k) {
          Tracked* x = p.get();
          if (x->in_use.exchange(true, std::memory_order_relaxed)) ++double_holds;
          x->payload += 1;
          held.push_back(x);
        }
        for (Tracked* x : held) {
          x->in_use.store(false, std::memory_order_relaxed);
          p.put(x);
        }
        held.clear();
        if (after_round) after_round(i);
      }
    });
  start.count_down();
  for (auto& w : workers) w.join();
  return double_holds;
}

}  // namespace pool::testing
