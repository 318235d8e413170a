// pool/sharded_pool.h — a pool with a strict bound on idle objects, split
// over separately locked shards so that threads do not queue on one lock.
//
// A ShardedPool<T> with a bound of N keeps at most N idle objects in total,
// ever, like BoundedPool<T>, but spreads them over several shards, each with
// its own lock and its own share of the bound:
//
// - get() takes an idle object from the calling thread's shard; if that is
//   empty it takes one from another shard whose lock is free at that moment;
//   failing both, it makes a new one with the factory (or returns nullptr
//   without one). It never waits for a lock other than its own shard's.
// - put(x) gives x to the calling thread's shard. If that shard holds its
//   share of the bound already, x is deleted and counted as a drop, even if
//   another shard has room: the bound is checked where the lock is held.
// - Like BoundedPool, it takes no part in pool::collect(): idle objects stay
//   until taken or until the pool is destroyed.
// - The rest of the contract is Pool<T>'s (see pool.h): the caller owns what
//   get() returns until put(); objects come back as they were put, never
//   reset; a put() synchronises-with the get() that returns the same object
//   (through the shard's mutex); pools cannot be copied or moved; stats()
//   counts gets, puts, misses and drops (see pool/stats.h).
//
// When to use it, and when not: when idle memory needs a hard ceiling and
// many threads get and put at once. With one or two threads a BoundedPool is
// as good and simpler; without the need for a ceiling Pool<T> is faster still
// (docs/pools.md has the figures). Because each shard holds only its share,
// a thread that only puts (a producer handing objects to other threads) fills
// its own shard and then drops; the other threads find those objects by
// stealing, but the pool as a whole holds less than N. Size N for that.
//
// Example:
//
//   // At most 200 idle buffers in all, whatever the number of threads.
//   pool::ShardedPool<std::string> buffers(200, [] { return std::make_unique<std::string>(); });
//
//   std::string render(const Page& page) {
//     auto buf = buffers.borrow();
//     buf->clear();
//     page.write_to(*buf);
//     return *buf;
//   }
//
// Internals, and why:
//
// - The shard count is a power of two, at most the number of per-thread
//   slots Pool<T> uses and at most N, so that no shard has a share of zero.
//   The bound is split as evenly as it goes: the shares add up to N exactly.
// - A thread's shard is its slot number (the same distinct small number that
//   picks its shard in Pool<T>; see pool.h), not a clock or a random number:
//   a thread that puts an object back finds it again in its next get, in a
//   cache line it touched last, and while there are no more threads than
//   shards, no two threads share a lock.
// - Each shard is aligned to a cache line, so that two threads locking
//   neighbouring shards do not false-share.
// - A shard's size is mirrored in an atomic, so that a thief skips empty
//   shards without touching their locks; it uses try_lock on the others, so
//   a get never queues behind another thread's lock.
// - The vectors are reserved to their share at construction and never grow:
//   a put does not allocate.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

#include "pool/pool.h"
#include "pool/stats.h"

namespace pool {

// ShardedPool<T>: see the file comment for the contract.
//
// Example:
//
//   pool::ShardedPool<Encoder> encoders(64, [] { return std::make_unique<Encoder>(); });
//   Encoder* e = encoders.get();
//   e->reset();
//   auto bytes = e->encode(value);
//   encoders.put(e);      // kept if this thread's shard has room, else deleted
template <class T>
class ShardedPool {
 public:
  using Factory = std::function<std::unique_ptr<T>()>;

  // A pool of at most `max_idle` idle objects in all, without a factory:
  // get() returns nullptr when none is found. Throws std::invalid_argument
  // when max_idle is 0.
  explicit ShardedPool(std::size_t max_idle) : ShardedPool(max_idle, Factory{}) {}

  // The same, with get() calling `factory` when none is found.
  template <class F>
  requires std::is_invocable_r_v<std::unique_ptr<T>, F&> ShardedPool(std::size_t max_idle,
                                                                     F factory)
      : factory_(std::move(factory)),
        max_idle_(checked(max_idle)),
        mask_(shards_for(max_idle) - 1),
        shards_(new Shard[mask_ + 1]) {
    const std::size_t n = mask_ + 1;
    for (std::size_t i = 0; i < n; ++i) {
      shards_[i].share = max_idle / n + (i < max_idle % n ? 1 : 0);
      shards_[i].objects.reserve(shards_[i].share);
    }
  }

  ShardedPool(const ShardedPool&) = delete;
  ShardedPool& operator=(const ShardedPool&) = delete;

  // Deletes every idle object. Nobody may use the pool meanwhile.
  ~ShardedPool() {
    for (std::size_t i = 0; i <= mask_; ++i)
      for (T* x : shards_[i].objects) delete x;
  }

  // Takes an idle object (the own shard first, then any other whose lock is
  // free), or makes one.
  T* get() {
    const unsigned slot = internal::this_thread_slot();
    count(slot, internal::Counter::kGets);
    {
      Shard& own = shards_[slot & mask_];
      std::lock_guard lock(own.mu);
      if (T* x = own.pop()) return x;
    }
    for (std::size_t i = 1; i <= mask_; ++i) {
      Shard& other = shards_[(slot + i) & mask_];
      if (other.size.load(std::memory_order_relaxed) == 0) continue;
      std::unique_lock lock(other.mu, std::try_to_lock);
      if (!lock.owns_lock()) continue;
      if (T* x = other.pop()) return x;
    }
    count(slot, internal::Counter::kMisses);
    return factory_ ? factory_().release() : nullptr;
  }

  // Gives `x` to this thread's shard, or deletes it if the shard holds its
  // share already. put(nullptr) does nothing.
  void put(T* x) {
    if (x == nullptr) return;
    const unsigned slot = internal::this_thread_slot();
    count(slot, internal::Counter::kPuts);
    {
      Shard& own = shards_[slot & mask_];
      std::lock_guard lock(own.mu);
      if (own.objects.size() < own.share) {
        own.objects.push_back(x);
        own.size.store(own.objects.size(), std::memory_order_relaxed);
        return;
      }
    }
    count(slot, internal::Counter::kDrops);
    delete x;
  }

  // get() wrapped in a Lease that puts the object back when it goes.
  Lease<T, ShardedPool> borrow() { return Lease<T, ShardedPool>(this, get()); }

  // The most idle objects the pool ever holds, over all shards.
  std::size_t capacity() const { return max_idle_; }

  // How many shards the bound is split over.
  std::size_t shard_count() const { return mask_ + 1; }

  // The counters summed over all shards (see pool/stats.h).
  Stats stats() const {
    Stats s;
    for (std::size_t i = 0; i <= mask_; ++i) shards_[i].counters.add_to(s);
    unowned_counters_.add_to(s);
    return s;
  }

 private:
  struct alignas(internal::kCacheLine) Shard {
    std::mutex mu;
    std::vector<T*> objects;           // guarded by mu; never more than `share`
    std::size_t share = 0;             // this shard's part of the bound; set once
    std::atomic<std::size_t> size{0};  // objects.size(), for thieves' peeks
    // Written only by the thread whose slot is this shard's index.
    internal::CounterCell counters;

    T* pop() {  // with mu held
      if (objects.empty()) return nullptr;
      T* x = objects.back();
      objects.pop_back();
      size.store(objects.size(), std::memory_order_relaxed);
      return x;
    }
  };

  static std::size_t checked(std::size_t max_idle) {
    if (max_idle == 0) throw std::invalid_argument("pool::ShardedPool: the bound must be positive");
    return max_idle;
  }

  // The largest power of two that is at most both the slot-shard count and
  // the bound.
  static std::size_t shards_for(std::size_t max_idle) {
    const std::size_t limit = std::min(internal::shard_count(), max_idle);
    std::size_t n = 1;
    while (n * 2 <= limit) n *= 2;
    return n;
  }

  void count(unsigned slot, internal::Counter c) {
    if (slot <= mask_) [[likely]]
      shards_[slot].counters.bump_owned(c);
    else
      unowned_counters_.bump_shared(c);
  }

  Factory factory_;
  std::size_t max_idle_;
  std::size_t mask_;  // shard count - 1
  std::unique_ptr<Shard[]> shards_;
  internal::CounterCell unowned_counters_;  // threads past the last shard
};

}  // namespace pool
