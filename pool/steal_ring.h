// pool/steal_ring.h — a fixed-size ring of pointers that one thread owns and
// every thread may steal from: the shared list of a Pool shard.
//
// The contract:
//
// - One owner thread calls push() and pop(); they work at the ring's bottom,
//   newest first. Any thread, the owner included, may call steal(), which
//   takes from the top, oldest first.
// - push() returns false when the ring already holds Capacity pointers; the
//   caller keeps the pointer (a Pool puts it on a locked list instead).
// - Every pointer pushed is returned by exactly one pop() or steal(); both
//   return nullptr only when the ring is empty. A push() synchronises-with the
//   steal() that takes the same pointer (what the owner wrote to the object
//   is visible to the thief).
// - The ring never frees what it holds; its owner empties it before it goes.
//
// Internals, and why: this is the Chase-Lev work-stealing deque (the one that
// work-stealing task schedulers are built on) on a ring that does not grow. The
// owner's push costs no read-modify-write: it writes the slot and publishes it
// with a release store of `bottom_`, because only the owner ever moves
// `bottom_`. Thieves claim the oldest pointer with a compare-and-swap on
// `top_`. The owner's pop must not take a pointer a thief is taking: it lowers
// `bottom_` first and then reads `top_`, and that store-then-load needs a
// full barrier (a sequentially consistent exchange: one locked instruction on
// x86), and only the last pointer is raced for with a compare-and-swap. A
// standalone fence would do the same, but ThreadSanitizer does not model
// fences, so the barrier is an atomic operation it understands.
//
// Indices only grow (2^64 operations will not happen), so `bottom_ - top_` is
// the size, and an index maps to its slot by masking. Every store to `bottom_`
// is a release, even the pop's restoring ones: a thief may read any of them,
// and must then see the pushes before it.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace pool::internal {

template <class T, std::size_t Capacity>
class StealRing {
  static_assert(Capacity > 0 && (Capacity & (Capacity - 1)) == 0, "a power of two");

 public:
  // Owner only. False when the ring is full.
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

  alignas(64) std::atomic<std::uint64_t> top_{0};     // thieves' end, apart from
  alignas(64) std::atomic<std::uint64_t> bottom_{0};  // the owner's end
  std::atomic<T*> slots_[Capacity] = {};
};

}  // namespace pool::internal
