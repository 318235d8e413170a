// pool/internal/counters.h — the counters behind every pool's stats(), kept
// per thread slot so that counting adds no shared write to a get or a put.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "pool/internal/cache_line.h"
#include "pool/internal/thread_slot.h"
#include "pool/stats.h"

namespace pool::internal {

enum class Counter : std::size_t { kGets, kPuts, kMisses, kDrops };

// One set of the four counters. A counter that every get and put bumped would
// be a cache line every thread writes, the very contention a pool is built to
// avoid; so each thread counts in a cell of its own and stats() adds the cells
// up.
class CounterCell {
 public:
  // For the cell's only writer: a plain increment made of a relaxed load and
  // store, with no read-modify-write and no lock prefix, so a count costs
  // about as much as `++n`. Readers on other threads see the old or the new
  // value, never a torn one.
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

// Counting by thread slot, over an array of shards `cells[0..last]` that each
// have a CounterCell `counters`. The thread whose slot is i counts in
// cells[i], of which it is the only writer; threads past the last shard own
// none and count in `spare`, which they share (and collect() with them).
template <class Cell>
void count_in_slot(Cell* cells, std::size_t last, CounterCell& spare, unsigned slot, Counter c) {
  if (slot <= last) [[likely]]
    cells[slot].counters.bump_owned(c);
  else
    spare.bump_shared(c);
}

// What count_in_slot() counted, summed.
template <class Cell>
Stats sum_counts(const Cell* cells, std::size_t last, const CounterCell& spare) {
  Stats s;
  for (std::size_t i = 0; i <= last; ++i) cells[i].counters.add_to(s);
  spare.add_to(s);
  return s;
}

// Per-slot counters on their own, for a pool that has no per-slot shards to
// keep them in (BoundedPool): one cell per slot shard, each on a cache line
// its thread alone writes.
class SlotCounters {
 public:
  SlotCounters() : last_(shard_count() - 1), cells_(new Cell[last_ + 1]) {}

  void bump(unsigned slot, Counter c) { count_in_slot(cells_.get(), last_, spare_, slot, c); }
  Stats read() const { return sum_counts(cells_.get(), last_, spare_); }

 private:
  struct alignas(kCacheLine) Cell {
    CounterCell counters;
  };
  std::size_t last_;
  std::unique_ptr<Cell[]> cells_;
  CounterCell spare_;
};

}  // namespace pool::internal
