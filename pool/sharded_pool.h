// pool/sharded_pool.h — ShardedPool<T>, a pool with a strict bound on idle
// objects, split over separately locked shards so that threads do not queue
// on one lock.
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

#include "pool/internal/cache_line.h"
#include "pool/internal/counters.h"
#include "pool/internal/registry.h"
#include "pool/internal/thread_slot.h"
#include "pool/lease.h"
#include "pool/stats.h"

namespace pool {

// A ShardedPool<T> with a bound of N keeps at most N idle objects in total,
// ever, like BoundedPool<T>, but spreads them over shards, each with its own
// lock and its own share of the bound. It keeps Pool<T>'s contract (pool.h)
// but for these differences:
//
// - get() takes an idle object from the calling thread's shard; if that is
//   empty, from another shard whose lock is free at that moment; failing
//   both, it calls the factory. It never waits for a lock other than its own
//   shard's.
// - put(x) gives x to the calling thread's shard. If that shard holds its
//   share of the bound already, x is deleted and counted as a drop, even if
//   another shard has room: the bound is checked where the lock is held.
// - Like BoundedPool it takes no part in pool::collect(), and has no accept
//   predicate: idle objects stay until taken or until the pool is destroyed.
// - The put->get edge of the contract comes from the shard's mutex.
//
// Use it when idle memory needs a hard ceiling and many threads get and put
// at once. With one or two threads a BoundedPool is as good and simpler;
// without the need for a ceiling Pool<T> is faster still (docs/pools.md).
// Because each shard holds only its share, a thread that only puts (a producer
// handing objects to other threads) fills its own shard and then drops; the
// others find those objects by stealing, but the pool as a whole holds less
// than N. Size N for that.
//
// Example:
//
//   // At most 200 idle buffers in all, whatever the number of threads.
//   pool::ShardedPool<std::string> buffers(200, pool::make_new<std::string>);
//
//   std::string render(const Page& page) {
//     auto buf = buffers.borrow();
//     buf->clear();
//     page.write_to(*buf);
//     return *buf;
//   }  // back to this thread's shard, or deleted if it holds its share
template <class T>
class ShardedPool final : private internal::PoolBase {
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
    // The shares add up to the bound exactly, as evenly as it goes.
    const std::size_t n = mask_ + 1;
    for (std::size_t i = 0; i < n; ++i) {
      shards_[i].share = max_idle / n + (i < max_idle % n ? 1 : 0);
      shards_[i].objects.reserve(shards_[i].share);
    }
    join_registry();  // for pool::process_stats()
  }

  ShardedPool(const ShardedPool&) = delete;
  ShardedPool& operator=(const ShardedPool&) = delete;

  // As Pool's.
  ~ShardedPool() {
    leave_registry();
    for (std::size_t i = 0; i <= mask_; ++i)
      for (T* x : shards_[i].objects) delete x;
  }

  // An idle object (the own shard first, then any other whose lock is free),
  // or a new one.
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
      // Skips empty shards without touching their locks, and never queues
      // behind another thread's lock.
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

  // As Pool's.
  Lease<T, ShardedPool> borrow() { return Lease<T, ShardedPool>(this, get()); }

  // The most idle objects the pool ever holds, over all shards.
  std::size_t capacity() const { return max_idle_; }

  // How many shards the bound is split over.
  std::size_t shard_count() const { return mask_ + 1; }

  // As Pool's.
  Stats stats() const { return internal::sum_counts(shards_.get(), mask_, unowned_counters_); }

  // Implementation details follow.

 private:
  Stats counts() const override { return stats(); }
  // A thread's shard is the one at its slot number (internal/thread_slot.h),
  // as in Pool<T>. Padded, so that two threads locking neighbouring shards do
  // not false-share.
  struct alignas(internal::kCacheLine) Shard {
    std::mutex mu;
    // Guarded by mu; reserved to `share` at construction and never more, so a
    // put does not allocate.
    std::vector<T*> objects;
    std::size_t share = 0;             // this shard's part of the bound; set once
    std::atomic<std::size_t> size{0};  // objects.size(), for thieves' peeks
    internal::CounterCell counters;    // its owner's

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
  // the bound, so that no shard has a share of zero.
  static std::size_t shards_for(std::size_t max_idle) {
    const std::size_t limit = std::min(internal::shard_count(), max_idle);
    std::size_t n = 1;
    while (n * 2 <= limit) n *= 2;
    return n;
  }

  void count(unsigned slot, internal::Counter c) {
    internal::count_in_slot(shards_.get(), mask_, unowned_counters_, slot, c);
  }

  Factory factory_;
  std::size_t max_idle_;
  std::size_t mask_;  // shard count - 1
  std::unique_ptr<Shard[]> shards_;
  internal::CounterCell unowned_counters_;  // threads that own no shard
};

}  // namespace pool
