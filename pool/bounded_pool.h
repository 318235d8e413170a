// pool/bounded_pool.h — BoundedPool<T>, a pool that never holds more than a
// fixed number of idle objects: the C++ counterpart of Go's buffered-channel
// pool.
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

#include "pool/internal/cache_line.h"
#include "pool/internal/counters.h"
#include "pool/internal/registry.h"
#include "pool/internal/thread_slot.h"
#include "pool/lease.h"
#include "pool/stats.h"

namespace pool {

// A BoundedPool<T> of capacity N keeps at most N idle objects, ever. It keeps
// Pool<T>'s contract (pool.h) but for these differences, and behaves like a Go
// channel of size N used with `select ... default`:
//
// - put(x) on a pool that already holds N objects deletes x at once and
//   counts a drop. get() and put() never wait for another thread.
// - Nothing else deletes idle objects: a BoundedPool takes no part in
//   pool::collect(), and what it holds stays until taken or until the pool is
//   destroyed. That is the point: its memory is bounded by N objects, and N
//   objects stay warm however long the pool sits idle.
// - It has no accept predicate (PoolOptions); the bound is its only filter.
//
// Reach for it when the memory a pool may hold needs a hard ceiling (large
// buffers, objects holding file descriptors), or when idle objects must
// survive quiet periods. It is slower than Pool<T> at every thread count:
// every operation touches the same two indexes, and when threads on several
// cores get and put without pause those indexes bounce between the cores, so
// that even a single mutex does better. ShardedPool (pool/sharded_pool.h)
// keeps a hard ceiling and splits the traffic. docs/pools.md has the figures.
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
//     auto buf = buffers.borrow();
//     buf->clear();
//     r.read_into(*buf);
//   }  // back to the pool, or deleted if 32 are idle already
template <class T>
class BoundedPool final : private internal::PoolBase {
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
      cells_[i].sequence.store(2 * i, std::memory_order_relaxed);
    join_registry();  // for pool::process_stats()
  }

  BoundedPool(const BoundedPool&) = delete;
  BoundedPool& operator=(const BoundedPool&) = delete;

  // As Pool's.
  ~BoundedPool() {
    leave_registry();
    while (T* x = pop()) delete x;
  }

  // As Pool's: an idle object, or a new one.
  T* get() {
    const unsigned slot = internal::this_thread_slot();
    counters_.bump(slot, internal::Counter::kGets);
    if (T* x = pop()) return x;
    counters_.bump(slot, internal::Counter::kMisses);
    return factory_ ? factory_().release() : nullptr;
  }

  // Gives `x` to the pool, or deletes it if the pool is full.
  // put(nullptr) does nothing.
  void put(T* x) {
    if (x == nullptr) return;
    const unsigned slot = internal::this_thread_slot();
    counters_.bump(slot, internal::Counter::kPuts);
    if (push(x)) return;
    counters_.bump(slot, internal::Counter::kDrops);
    delete x;
  }

  // As Pool's.
  Lease<T, BoundedPool> borrow() { return Lease<T, BoundedPool>(this, get()); }

  // The most idle objects the pool ever holds.
  std::size_t capacity() const { return capacity_; }

  // As Pool's.
  Stats stats() const { return counters_.read(); }

  // Implementation details follow.

 private:
  Stats counts() const override { return stats(); }
  // The idle objects sit in a ring of N cells: the bounded multi-producer
  // multi-consumer queue described by Dmitry Vyukov. No lock is taken, so a
  // thread preempted mid-operation never makes another wait: a get that finds
  // its cell not yet published treats the pool as empty and makes an object,
  // and a put that finds its cell not yet emptied treats the pool as full and
  // deletes one. Both are allowed by the contract and keep the bound strict.
  struct Cell {
    // Whose turn it is: a put may fill the cell when this equals twice the
    // put position, a get may empty it when it equals twice the get position
    // plus one. Twice, so that a full cell (odd) never looks free to the next
    // put (even), which Vyukov's plain positions allow at capacity 1. Stored
    // with release after the object, loaded with acquire: the put->get edge
    // of the contract.
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

  // The cell of put position p is free when its sequence is 2p, and after the
  // put holds 2p + 1: the get at position p waits for exactly that. A put
  // claims its position with one compare-and-swap on put_index_.
  bool push(T* x) {
    std::uint64_t position = put_index_.load(std::memory_order_relaxed);
    for (;;) {
      Cell& c = cell(position);
      const std::uint64_t sequence = c.sequence.load(std::memory_order_acquire);
      const auto lag = static_cast<std::int64_t>(sequence - 2 * position);
      if (lag == 0) {
        if (put_index_.compare_exchange_weak(position, position + 1, std::memory_order_relaxed)) {
          c.object = x;
          c.sequence.store(2 * position + 1, std::memory_order_release);
          return true;
        }
      } else if (lag < 0) {
        return false;  // the cell still holds the object of the previous lap: full
      } else {
        position = put_index_.load(std::memory_order_relaxed);  // another put won it
      }
    }
  }

  // The cell of get position p holds an object when its sequence is 2p + 1,
  // and after the get holds 2(p + capacity): the put one lap later waits for it.
  T* pop() {
    std::uint64_t position = get_index_.load(std::memory_order_relaxed);
    for (;;) {
      Cell& c = cell(position);
      const std::uint64_t sequence = c.sequence.load(std::memory_order_acquire);
      const auto lag = static_cast<std::int64_t>(sequence - (2 * position + 1));
      if (lag == 0) {
        if (get_index_.compare_exchange_weak(position, position + 1, std::memory_order_relaxed)) {
          T* x = c.object;
          c.sequence.store(2 * (position + capacity_), std::memory_order_release);
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
  // The two indexes on cache lines of their own, apart from the cells, so
  // that puts and gets do not false-share.
  alignas(internal::kCacheLine) std::atomic<std::uint64_t> put_index_{0};
  alignas(internal::kCacheLine) std::atomic<std::uint64_t> get_index_{0};
  alignas(internal::kCacheLine) internal::SlotCounters counters_;
};

}  // namespace pool
