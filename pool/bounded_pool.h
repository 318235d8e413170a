// pool/bounded_pool.h — a pool that never holds more than a fixed number of
// idle objects, the C++ counterpart of Go's buffered-channel pool.
//
// A BoundedPool<T> of capacity N keeps at most N idle objects, ever. It
// behaves like a Go channel of size N used with `select ... default`:
//
// - get() never blocks. It takes an idle object if there is one, and
//   otherwise makes a new one with the factory (or returns nullptr without
//   one), exactly like Pool<T>::get().
// - put(x) never blocks either. If the pool already holds N objects, x is
//   deleted at once and counted as a drop.
// - Nothing else deletes idle objects: BoundedPool takes no part in
//   pool::collect(), and what it holds stays until taken or until the pool is
//   destroyed. That is the point: its memory is bounded by N objects, and N
//   objects stay warm however long the pool sits idle.
// - The rest of the contract is Pool<T>'s (see pool.h): the caller owns what
//   get() returns until put(); objects come back as they were put, never
//   reset; a put() synchronises-with the get() that returns the same object;
//   pools cannot be copied or moved; stats() counts gets, puts, misses and
//   drops (see pool/stats.h).
//
// When to use it, and when not: reach for BoundedPool when the memory a pool
// may hold must have a hard ceiling (large buffers, objects holding file
// descriptors), or when idle objects must survive quiet periods. Pool<T> is
// faster at every thread count, because its threads work on separate shards
// while every BoundedPool operation touches the same two indexes. When threads
// on several cores get and put without pause, those indexes bounce between the
// cores, and even a single mutex does better; ShardedPool
// (pool/sharded_pool.h) keeps a hard ceiling and splits the traffic.
// docs/pools.md has the figures. None of them is a way to share one object
// between callers.
//
// Example:
//
//   // At most 32 idle 1 MiB buffers, whatever the traffic did before.
//   pool::BoundedPool<std::vector<std::byte>> buffers(32, [] {
//     auto b = std::make_unique<std::vector<std::byte>>();
//     b->reserve(1 << 20);
//     return b;
//   });
//
//   void handle(Request& r) {
//     auto buf = buffers.borrow();  // a lease, as with Pool<T>
//     buf->clear();
//     r.read_into(*buf);
//   }                               // back to the pool, or deleted if full
//
// Internals, and why: the idle objects sit in a ring of N cells, the bounded
// multi-producer multi-consumer queue described by Dmitry Vyukov. Each cell
// carries a sequence number that says whose turn it is: a put may fill the
// cell when the number equals the put position, a get may empty it when it
// equals the get position plus one. A thread claims a position with one
// compare-and-swap on the put (or get) index and then publishes the cell with
// a release store of its sequence number, which the other side reads with
// acquire; that pair is the synchronises-with edge of the contract. No lock is
// taken, so a thread preempted mid-operation never makes another wait: a get
// that finds its cell not yet published treats the pool as empty and makes an
// object, and a put that finds its cell not yet emptied treats the pool as
// full and deletes one. Both are allowed by the contract and keep the bound
// strict. The two indexes sit on cache lines of their own, apart from the
// cells, so that puts and gets do not false-share.
#pragma once

#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include "pool/pool.h"
#include "pool/stats.h"

namespace pool {

namespace internal {

// Counters for a pool without per-thread shards of its own: one padded cell
// per thread slot, so each thread counts on a cache line it alone writes.
class SlotCounters {
 public:
  SlotCounters() : mask_(shard_count() - 1), cells_(new Cell[mask_ + 1]) {}

  void bump(unsigned slot, Counter c) {
    if (slot <= mask_) [[likely]]
      cells_[slot].counters.bump_owned(c);
    else
      shared_.bump_shared(c);
  }
  Stats read() const {
    Stats s;
    for (std::size_t i = 0; i <= mask_; ++i) cells_[i].counters.add_to(s);
    shared_.add_to(s);
    return s;
  }

 private:
  struct alignas(kCacheLine) Cell {
    CounterCell counters;
  };
  std::size_t mask_;
  std::unique_ptr<Cell[]> cells_;
  CounterCell shared_;  // threads whose slot is past the last cell
};

}  // namespace internal

// BoundedPool<T>: see the file comment for the contract.
//
// Example:
//
//   pool::BoundedPool<Parser> parsers(8, [] { return std::make_unique<Parser>(); });
//   Parser* p = parsers.get();    // never blocks; a new Parser if none is idle
//   p->reset();
//   p->parse(text);
//   parsers.put(p);               // kept if fewer than 8 are idle, else deleted
template <class T>
class BoundedPool {
 public:
  using Factory = std::function<std::unique_ptr<T>()>;

  // A pool of at most `capacity` idle objects, without a factory: get()
  // returns nullptr when none is idle. Throws std::invalid_argument when
  // capacity is 0.
  explicit BoundedPool(std::size_t capacity) : BoundedPool(capacity, Factory{}) {}

  // The same, with get() calling `factory` when none is idle.
  template <class F>
  requires std::is_invocable_r_v<std::unique_ptr<T>, F&> BoundedPool(std::size_t capacity,
                                                                     F factory)
      : factory_(std::move(factory)),
        capacity_(checked(capacity)),
        mask_(std::has_single_bit(capacity) ? capacity - 1 : 0),
        cells_(new Cell[capacity]) {
    for (std::size_t i = 0; i < capacity_; ++i)
      cells_[i].sequence.store(i, std::memory_order_relaxed);
  }

  BoundedPool(const BoundedPool&) = delete;
  BoundedPool& operator=(const BoundedPool&) = delete;

  // Deletes every idle object. Nobody may use the pool meanwhile.
  ~BoundedPool() {
    while (T* x = pop()) delete x;
  }

  // Takes an idle object, or makes one; never waits for another thread.
  T* get() {
    const unsigned slot = internal::this_thread_slot();
    counters_.bump(slot, internal::Counter::kGets);
    if (T* x = pop()) return x;
    counters_.bump(slot, internal::Counter::kMisses);
    return factory_ ? factory_().release() : nullptr;
  }

  // Gives `x` to the pool, or deletes it if the pool is full; never waits.
  // put(nullptr) does nothing.
  void put(T* x) {
    if (x == nullptr) return;
    const unsigned slot = internal::this_thread_slot();
    counters_.bump(slot, internal::Counter::kPuts);
    if (push(x)) return;
    counters_.bump(slot, internal::Counter::kDrops);
    delete x;
  }

  // get() wrapped in a Lease that puts the object back when it goes.
  Lease<T, BoundedPool> borrow() { return Lease<T, BoundedPool>(this, get()); }

  // The most idle objects the pool ever holds.
  std::size_t capacity() const { return capacity_; }

  // The counters (see pool/stats.h).
  Stats stats() const { return counters_.read(); }

 private:
  struct Cell {
    std::atomic<std::uint64_t> sequence;
    T* object = nullptr;  // published by `sequence`
  };

  static std::size_t checked(std::size_t capacity) {
    if (capacity == 0) throw std::invalid_argument("pool::BoundedPool: capacity must be positive");
    return capacity;
  }

  // Positions count up forever (64 bits do not wrap in practice); a position's
  // cell is position mod capacity, a mask when the capacity is a power of two.
  Cell& cell(std::uint64_t position) const {
    return cells_[mask_ ? (position & mask_) : (position % capacity_)];
  }

  // The cell of put position p is free when its sequence is p, and after the
  // put holds p + 1: the get at position p waits for exactly that.
  bool push(T* x) {
    std::uint64_t position = put_index_.load(std::memory_order_relaxed);
    for (;;) {
      Cell& c = cell(position);
      const std::uint64_t sequence = c.sequence.load(std::memory_order_acquire);
      const auto lag = static_cast<std::int64_t>(sequence - position);
      if (lag == 0) {
        if (put_index_.compare_exchange_weak(position, position + 1, std::memory_order_relaxed)) {
          c.object = x;
          c.sequence.store(position + 1, std::memory_order_release);
          return true;
        }
      } else if (lag < 0) {
        return false;  // the cell still holds the object of the previous lap: full
      } else {
        position = put_index_.load(std::memory_order_relaxed);  // another put won it
      }
    }
  }

  // The cell of get position p holds an object when its sequence is p + 1,
  // and after the get holds p + capacity: the put one lap later waits for it.
  T* pop() {
    std::uint64_t position = get_index_.load(std::memory_order_relaxed);
    for (;;) {
      Cell& c = cell(position);
      const std::uint64_t sequence = c.sequence.load(std::memory_order_acquire);
      const auto lag = static_cast<std::int64_t>(sequence - (position + 1));
      if (lag == 0) {
        if (get_index_.compare_exchange_weak(position, position + 1, std::memory_order_relaxed)) {
          T* x = c.object;
          c.sequence.store(position + capacity_, std::memory_order_release);
          return x;
        }
      } else if (lag < 0) {
        return nullptr;  // nothing published here yet: empty
      } else {
        position = get_index_.load(std::memory_order_relaxed);  // another get won it
      }
    }
  }

  Factory factory_;
  std::size_t capacity_;
  std::size_t mask_;  // capacity - 1 if that is a power of two, else 0
  std::unique_ptr<Cell[]> cells_;
  alignas(internal::kCacheLine) std::atomic<std::uint64_t> put_index_{0};
  alignas(internal::kCacheLine) std::atomic<std::uint64_t> get_index_{0};
  alignas(internal::kCacheLine) internal::SlotCounters counters_;
};

}  // namespace pool
