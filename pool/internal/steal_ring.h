// pool/internal/steal_ring.h — a fixed-size ring of pointers that one thread
// owns and every thread may steal from: the lock-free list of a Pool shard.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "pool/internal/cache_line.h"

namespace pool::internal {

// StealRing<T, Capacity> holds up to Capacity pointers (a power of two).
//
// One owner thread calls push() and pop(); they work at the ring's bottom,
// newest first. Any thread, the owner included, may call steal(), which takes
// from the top, oldest first. Calling push() or pop() from a second thread is
// a data race the ring does not detect.
//
// push() returns false when the ring is full; the caller keeps the pointer (a
// Pool puts it on a locked list instead). Every pointer pushed is returned by
// exactly one pop() or steal(); both return nullptr only when the ring is
// empty. A push() synchronises-with the steal() that takes the same pointer:
// what the owner wrote to the object is visible to the thief.
//
// The ring never frees what it holds: empty it before it goes.
//
// It is the Chase-Lev work-stealing deque, the one work-stealing task
// schedulers are built on, on a ring that does not grow.
//
// Example:
//
//   StealRing<Job, 128> ring;
//   if (!ring.push(job)) overflow.push_back(job);  // owner
//   Job* mine = ring.pop();                         // owner: newest
//   Job* taken = ring.steal();                      // any thread: oldest
template <class T, std::size_t Capacity>
class StealRing {
  static_assert(Capacity > 0 && (Capacity & (Capacity - 1)) == 0, "a power of two");

 public:
  // Owner only. False when the ring is full. No read-modify-write: only the
  // owner moves bottom_, so a release store publishes the slot.
  bool push(T* x) {
    const std::uint64_t b = bottom_.load(std::memory_order_relaxed);
    if (b - top_.load(std::memory_order_acquire) >= Capacity) return false;
    slots_[b & kMask].store(x, std::memory_order_relaxed);
    bottom_.store(b + 1, std::memory_order_release);
    return true;
  }

  // Owner only. The newest pointer, or nullptr when empty.
  T* pop() {
    std::uint64_t b = bottom_.load(std::memory_order_relaxed);
    // Only thieves move top_, and only up to bottom_: if this (possibly old)
    // top_ equals bottom_, the ring is empty now.
    if (b == top_.load(std::memory_order_relaxed)) return nullptr;
    --b;
    // Lower bottom_, then read top_, so as not to take a pointer a thief is
    // taking. That store-then-load needs a full barrier: a sequentially
    // consistent exchange, one locked instruction on x86. A standalone fence
    // would do the same, but ThreadSanitizer does not model fences, so the
    // barrier is an atomic operation it understands.
    bottom_.exchange(b, std::memory_order_seq_cst);
    std::uint64_t t = top_.load(std::memory_order_seq_cst);
    if (t > b) {  // thieves took the rest
      bottom_.store(b + 1, std::memory_order_release);
      return nullptr;
    }
    T* x = slots_[b & kMask].load(std::memory_order_relaxed);
    if (t == b) {  // the last one: a thief may be after it too
      if (!top_.compare_exchange_strong(t, t + 1, std::memory_order_seq_cst,
                                        std::memory_order_relaxed)) {
        x = nullptr;
      }
      bottom_.store(b + 1, std::memory_order_release);
    }
    return x;
  }

  // Any thread. The oldest pointer, or nullptr when empty. A lost race with
  // another taker means that one made progress; try again.
  T* steal() {
    for (;;) {
      std::uint64_t t = top_.load(std::memory_order_seq_cst);
      const std::uint64_t b = bottom_.load(std::memory_order_seq_cst);
      if (t >= b) return nullptr;
      T* x = slots_[t & kMask].load(std::memory_order_relaxed);
      if (top_.compare_exchange_strong(t, t + 1, std::memory_order_seq_cst,
                                       std::memory_order_relaxed)) {
        return x;
      }
    }
  }

  // Any thread: a recent answer, exact when nobody is using the ring.
  bool empty() const {
    return bottom_.load(std::memory_order_relaxed) <= top_.load(std::memory_order_relaxed);
  }

 private:
  static constexpr std::uint64_t kMask = Capacity - 1;

  // Indices only grow (2^64 operations will not happen): bottom_ - top_ is the
  // size, and an index maps to its slot by masking. Each on its own cache line.
  alignas(kCacheLine) std::atomic<std::uint64_t> top_{0};  // thieves' end: moved by CAS
  // The owner's end. Every store to it is a release, even pop()'s restoring
  // ones: a thief may read any of them, and must then see the pushes before.
  alignas(kCacheLine) std::atomic<std::uint64_t> bottom_{0};
  std::atomic<T*> slots_[Capacity] = {};
};

}  // namespace pool::internal
