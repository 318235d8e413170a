// pool/stats.h — what a pool has done: gets, puts, misses and drops.
//
// Every pool in this library (Pool, AnyPool, BoundedPool, ShardedPool) counts
// its traffic and returns a snapshot from stats(). The counters answer the
// questions a pool's owner should be able to answer without a debugger: does
// the pool hit (gets much larger than misses)? Does it keep what it is given
// (drops much smaller than puts)? A pool that mostly misses is dead weight.
//
// What each figure counts:
//
//   gets    calls of get(), borrow() included.
//   puts    non-null objects handed to put(), whether the pool kept them or not.
//   misses  gets that found no idle object: with a factory, exactly the
//           factory calls; without one, the gets that returned nullptr.
//   drops   objects the pool deleted instead of keeping for reuse: refused by
//           put() (over a bound, or failing an accept predicate) or deleted
//           by pool::collect() from the victim tier.
//
// Together they balance: objects idle in the pool = puts - (gets - misses) -
// drops, and objects made = misses (with a factory).
//
// The figures are exact when no thread is using the pool (after joining the
// threads that did). While threads run, each figure is a recent value, and the
// four need not be from the same instant.
//
// Example:
//
//   pool::Stats s = buffers.stats();
//   double hit_rate = s.gets ? 1.0 - double(s.misses) / double(s.gets) : 0.0;
//
// Internals, and why: a shared counter that every get and put increments
// would be a cache line that every thread writes, the very contention a pool
// is built to avoid. So each thread counts in a cell of its own (a shard it
// owns, for Pool and ShardedPool; a per-thread cell for BoundedPool), and
// stats() adds the cells up. A cell has one writer at a time, so it is bumped
// with a relaxed load and store, with no read-modify-write and no lock prefix:
// on the fast path a count costs about as much as a plain increment. Threads
// that own no cell (more live threads than cells) and collect() count in one
// shared cell with fetch_add.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace pool {

// A snapshot of a pool's counters; see the file comment for what each means.
struct Stats {
  std::uint64_t gets = 0;
  std::uint64_t puts = 0;
  std::uint64_t misses = 0;
  std::uint64_t drops = 0;

  friend bool operator==(const Stats&, const Stats&) = default;
};

namespace internal {

enum class Counter : std::size_t { kGets, kPuts, kMisses, kDrops };

// One set of the four counters.
class CounterCell {
 public:
  // For the cell's only writer: a plain increment made of a relaxed load and
  // store. Readers on other threads see the old or the new value, never a
  // torn one.
  void bump_owned(Counter c) {
    std::atomic<std::uint64_t>& n = n_[static_cast<std::size_t>(c)];
    n.store(n.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  }
  // For a cell that several threads write.
  void bump_shared(Counter c, std::uint64_t by = 1) {
    n_[static_cast<std::size_t>(c)].fetch_add(by, std::memory_order_relaxed);
  }
  void add_to(Stats& s) const {
    s.gets += load(Counter::kGets);
    s.puts += load(Counter::kPuts);
    s.misses += load(Counter::kMisses);
    s.drops += load(Counter::kDrops);
  }

 private:
  std::uint64_t load(Counter c) const {
    return n_[static_cast<std::size_t>(c)].load(std::memory_order_relaxed);
  }
  std::atomic<std::uint64_t> n_[4] = {};
};

}  // namespace internal
}  // namespace pool
