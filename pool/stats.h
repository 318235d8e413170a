// pool/stats.h — Stats, what a pool has done: gets, puts, misses and drops.
#pragma once

#include <cstdint>

namespace pool {

// Stats is a snapshot of a pool's counters, returned by stats() on every pool
// of this library (Pool, AnyPool, BoundedPool, ShardedPool). They answer what
// a pool's owner should know without a debugger: does the pool hit (gets much
// larger than misses)? Does it keep what it is given (drops much smaller than
// puts)? A pool that mostly misses is dead weight.
//
// The figures balance: objects idle in the pool = puts - (gets - misses) -
// drops, and objects made = misses (with a factory).
//
// They are exact only when no thread is using the pool (after joining the
// threads that did). While threads run, each figure is a recent value, and the
// four need not be from the same instant: do not check the balance then.
//
// Counting is close to free: each thread counts in a cell of its own, and
// stats() adds the cells up (pool/internal/counters.h).
//
// Example:
//
//   pool::Stats s = buffers.stats();
//   double hit_rate = s.gets ? 1.0 - double(s.misses) / double(s.gets) : 0.0;
//   if (s.drops > s.puts / 2) log("the pool deletes most of what it is given");
struct Stats {
  std::uint64_t gets = 0;    // calls of get(), borrow() included
  std::uint64_t puts = 0;    // non-null objects given to put(), kept or not
  std::uint64_t misses = 0;  // gets that found no idle object: with a factory,
                             // its calls; without one, the nullptr results
  std::uint64_t drops = 0;   // objects deleted instead of kept: refused by put()
                             // (over a bound, or by an accept predicate), or
                             // deleted by pool::collect() from the victim tier

  friend bool operator==(const Stats&, const Stats&) = default;
};

}  // namespace pool
