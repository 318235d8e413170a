// pool/pool.h — Pool<T>, a C++ analogue of Go's sync.Pool, and collect(), the
// garbage collector's part in it.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <type_traits>
#include <utility>
#include <vector>

#include "pool/internal/cache_line.h"
#include "pool/internal/counters.h"
#include "pool/internal/registry.h"
#include "pool/internal/steal_ring.h"
#include "pool/internal/thread_slot.h"
#include "pool/lease.h"
#include "pool/stats.h"

namespace pool {

template <class T>
struct PoolOptions;

// A Pool<T> is a set of idle objects of type T that callers may take and give
// back. Its purpose is to cache allocated but unused objects for later reuse,
// relieving the allocator and the constructor of work, as Go's sync.Pool
// relieves the garbage collector. Any number of threads may use one pool at
// once.
//
// get() hands the caller an object; from then until put() the caller owns it
// and nobody else can see it. On a miss get() calls the factory, or returns
// nullptr when the pool has none.
//
// put(x) gives x to the pool. From that moment the caller must not touch x:
// the pool may hand it to another thread at once, or delete it.
//
// An object in the pool may be deleted at any time without notice. Each call
// of pool::collect() moves every idle object to a victim tier and deletes the
// previous victim tier, so an idle object survives one collection and is
// deleted at the second. Destroying a pool deletes every idle object it holds.
//
// The pool never resets an object: it comes back as it was put. Reset it after
// get() (or before put()); never rely on its old contents.
//
// A put() synchronises-with the get() that returns the same object, so what
// the putting thread wrote is visible to the getting thread. Rely on no other
// ordering between threads.
//
// A pool cannot be copied or moved: a copy would own the same objects twice.
//
// An accept predicate (PoolOptions::accept) makes put() delete, instead of
// keep, every object it refuses. stats() counts gets, puts, misses and drops
// (pool/stats.h); pool::process_stats() adds them up over every pool made.
//
// A Pool is a cache of interchangeable objects, nothing more. It is not a
// free list of short-lived objects owned by one structure (keep your own), not
// a bound on memory (idle objects linger until two collections; BoundedPool
// and ShardedPool hold a fixed number at most), not a cache of one shared
// object (a singleton wants std::call_once or a shared pointer), and not a way
// to share identity: two callers never get the same object, so a pool of
// mutexes or of connections a caller expects to find again is a bug. And it is
// not free: it pays only where making the object costs more than a get and a
// put. Measure it (docs/pools.md).
//
// Example:
//
//   pool::Pool<std::string> buffers(pool::make_new<std::string>);
//
//   std::string greet(std::string_view name) {
//     auto buf = buffers.borrow();  // back to the pool when buf dies
//     buf->clear();                 // the pool does not reset objects
//     *buf += "hello, ";
//     *buf += name;
//     return *buf;                  // a copy: never return the pooled object
//   }
//
//   // The raw form, for code that cannot hold a lease.
//   pool::Pool<Decoder> decoders([] { return std::make_unique<Decoder>(); });
//   Decoder* d = decoders.get();
//   d->reset();
//   auto result = d->decode(bytes);
//   decoders.put(d);  // d must not be used after this line
template <class T>
class Pool final : private internal::PoolBase {
 public:
  using Factory = std::function<std::unique_ptr<T>()>;
  using Options = PoolOptions<T>;

  // A pool without a factory: get() returns nullptr on a miss.
  Pool() : Pool(Factory{}) {}
  explicit Pool(Options options) : Pool(Factory{}, std::move(options)) {}

  // A pool whose get() calls `factory` on a miss. The factory may be any
  // callable returning std::unique_ptr<T>; it must not call get() on this
  // same pool (that recursion never ends).
  template <class F>
  requires std::is_invocable_r_v<std::unique_ptr<T>, F&> explicit Pool(F factory)
      : Pool(std::move(factory), Options{}) {}

  template <class F>
  requires std::is_invocable_r_v<std::unique_ptr<T>, F&> Pool(F factory, Options options)
      : factory_(std::move(factory)),
        accept_(std::move(options.accept)),
        shard_mask_(internal::shard_count() - 1),
        shards_(new Shard[shard_mask_ + 1]),
        rings_(new Ring[shard_mask_ + 1]) {
    join_registry();
  }

  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  // Deletes every idle object, in every tier. Nobody may use a pool while it
  // is being destroyed.
  ~Pool() {
    leave_registry();
    for (std::size_t i = 0; i <= shard_mask_; ++i) {
      delete shards_[i].private_object.load(std::memory_order_acquire);
      while (T* x = rings_[i].steal()) delete x;
      for (T* x : shards_[i].spill) delete x;
    }
    for (T* x : victims_) delete x;
  }

  // Takes an idle object, or makes one with the factory; nullptr if the pool
  // is empty and has no factory. The caller owns the result until put().
  T* get() {
    const unsigned slot = this_slot();
    if (slot <= shard_mask_) [[likely]] {
      Shard& own = shards_[slot];
      own.counters.bump_owned(internal::Counter::kGets);
      if (T* x = own.take_private()) return x;
    } else {
      unowned_counters_.bump_shared(internal::Counter::kGets);
    }
    return get_slow(slot);
  }

  // Gives `x` to the pool, which now owns it. put(nullptr) does nothing. An
  // object the accept predicate refuses is deleted here.
  void put(T* x) {
    if (x == nullptr) return;
    const unsigned slot = this_slot();
    if (slot <= shard_mask_ && !accept_) [[likely]] {
      Shard& own = shards_[slot];
      own.counters.bump_owned(internal::Counter::kPuts);
      // Only the shard's owner fills its private slot; everyone else only
      // empties it. So when the owner sees it empty, nobody can fill it before
      // the store below, and a plain release store (no read-modify-write)
      // suffices.
      if (own.private_object.load(std::memory_order_relaxed) == nullptr) {
        own.private_object.store(x, std::memory_order_release);
        return;
      }
      return push_owned(slot, x);
    }
    put_slow(x, slot);
  }

  // get() wrapped in a Lease (pool/lease.h) that puts the object back when it
  // goes.
  Lease<T> borrow() { return Lease<T>(this, get()); }

  // The counters summed over all shards (pool/stats.h).
  Stats stats() const {
    return internal::sum_counts(shards_.get(), shard_mask_, unowned_counters_);
  }

  // Implementation details follow.

 private:
  // Idle objects live in shards, one per thread slot (internal/thread_slot.h):
  // each live thread uses the shard at its slot number, so threads mostly
  // touch different cache lines. A shard mirrors Go's poolLocal: a private
  // slot for the fast path, then the ring (rings_, in Go the poolChain), then
  // a locked list for what the ring has no room for. Padded to a cache line:
  // false sharing between shards would cost more than the pool saves.
  struct alignas(internal::kCacheLine) Shard {
    // Go's owner touches its private slot with plain loads and stores, because
    // the runtime pins it and stops the world to collect. Here thieves and
    // collect() may empty it at any time, so get() takes it with one atomic
    // exchange, while put() by its owner, the only thread that ever fills it,
    // needs a release store. That exchange is the whole price of a get+put
    // pair beyond a thread-local free list (docs/pools.md), and the least that
    // lets other threads take what the owner left behind.
    std::atomic<T*> private_object{nullptr};
    // The owner's counters, on the cache line its get and put touch anyway.
    internal::CounterCell counters;
    std::mutex mu;
    std::vector<T*> spill;  // guarded by mu: the ring's overflow, and what
                            // threads that own no shard put
    // Mirrors spill.size(), read without the lock so that a get() passing an
    // empty shard neither waits for its lock nor synchronises with its last
    // put (the contract promises put->get ordering only for the same object).
    std::atomic<std::size_t> spill_count{0};

    T* take_private() {
      if (private_object.load(std::memory_order_relaxed) == nullptr) return nullptr;
      return private_object.exchange(nullptr, std::memory_order_acquire);
    }
    [[gnu::noinline]] void push_spill(T* x) {
      std::lock_guard lock(mu);
      spill.push_back(x);
      spill_count.store(spill.size(), std::memory_order_relaxed);
    }
    T* pop_spill() {
      if (spill_count.load(std::memory_order_relaxed) == 0) return nullptr;
      std::lock_guard lock(mu);
      if (spill.empty()) return nullptr;
      T* x = spill.back();
      spill.pop_back();
      spill_count.store(spill.size(), std::memory_order_relaxed);
      return x;
    }
  };

  // How many idle objects beyond its private slot a shard's owner keeps
  // without a lock (1 KiB of pointers); more go on the shard's locked list.
  static constexpr std::size_t kRingCapacity = 128;
  using Ring = internal::StealRing<T, kRingCapacity>;

  // The owner's put once its private slot is full: the ring costs the owner
  // no read-modify-write.
  [[gnu::noinline]] void push_owned(std::size_t shard, T* x) {
    if (!rings_[shard].push(x)) shards_[shard].push_spill(x);
  }
  // The owner's get once its private slot is empty.
  T* pop_owned(std::size_t shard) {
    if (T* x = rings_[shard].pop()) return x;
    return shards_[shard].pop_spill();
  }
  // Anyone's get from a shard it does not own: the ring's other end.
  T* steal(std::size_t shard) {
    if (T* x = shards_[shard].take_private()) return x;
    if (T* x = rings_[shard].steal()) return x;
    return shards_[shard].pop_spill();
  }

  // get() and put() are a small inline fast path (the private slot) and these
  // out-of-line slow paths, so that the fast path costs no call.
  //
  // A get looks at its own shard, then steals from the others, then from the
  // victim tier, and only then calls the factory. Stealing keeps what a thread
  // put before it exited reachable by the others.
  [[gnu::noinline]] T* get_slow(unsigned slot) {
    // A thread beyond the shard count shares a shard it does not own, so it
    // never pops that shard's private slot or ring as an owner: it steals.
    if (T* x = slot <= shard_mask_ ? pop_owned(slot) : steal(slot & shard_mask_)) return x;
    for (std::size_t i = 1; i <= shard_mask_; ++i) {
      if (T* x = steal((slot + i) & shard_mask_)) return x;
    }
    if (T* x = pop_victim()) return x;
    count(slot, internal::Counter::kMisses);
    return factory_ ? factory_().release() : nullptr;
  }

  [[gnu::noinline]] void put_slow(T* x, unsigned slot) {
    count(slot, internal::Counter::kPuts);
    if (accept_ && !accept_(std::as_const(*x))) {
      count(slot, internal::Counter::kDrops);
      delete x;
      return;
    }
    Shard& own = shards_[slot & shard_mask_];
    if (slot > shard_mask_) return own.push_spill(x);  // owns no shard: the locked list
    if (own.private_object.load(std::memory_order_relaxed) == nullptr) {
      own.private_object.store(x, std::memory_order_release);
      return;
    }
    push_owned(slot, x);
  }

  unsigned this_slot() const { return internal::this_thread_slot(); }

  void count(unsigned slot, internal::Counter c) {
    internal::count_in_slot(shards_.get(), shard_mask_, unowned_counters_, slot, c);
  }

  T* pop_victim() {
    if (victim_count_.load(std::memory_order_relaxed) == 0) return nullptr;
    std::lock_guard lock(victims_mu_);
    if (victims_.empty()) return nullptr;
    T* x = victims_.back();
    victims_.pop_back();
    victim_count_.store(victims_.size(), std::memory_order_relaxed);
    return x;
  }

  // Called by collect() with the registry locked: every shard's idle objects
  // become the victim tier, and the previous tier is deleted.
  void rotate_victims() override {
    std::vector<T*> idle;
    for (std::size_t i = 0; i <= shard_mask_; ++i) {
      Shard& s = shards_[i];
      if (T* x = s.private_object.exchange(nullptr, std::memory_order_acquire)) idle.push_back(x);
      while (T* x = rings_[i].steal()) idle.push_back(x);
      std::lock_guard lock(s.mu);
      idle.insert(idle.end(), s.spill.begin(), s.spill.end());
      s.spill.clear();
      s.spill_count.store(0, std::memory_order_relaxed);
    }
    {
      std::lock_guard lock(victims_mu_);
      victims_.swap(idle);
      victim_count_.store(victims_.size(), std::memory_order_relaxed);
    }
    if (!idle.empty()) unowned_counters_.bump_shared(internal::Counter::kDrops, idle.size());
    for (T* x : idle) delete x;  // the previous victim tier
  }

  Stats counts() const override { return stats(); }

  Factory factory_;
  std::function<bool(const T&)> accept_;
  std::size_t shard_mask_;  // shard count - 1
  // The shards belong to the pool, not to the threads: a thread may exit at
  // any time without leaking what it cached, and a pool may be destroyed while
  // threads that used it live on.
  std::unique_ptr<Shard[]> shards_;
  // Each shard's ring, in an array of its own: the fast paths touch only
  // shards_, whose entries stay two cache lines each.
  std::unique_ptr<Ring[]> rings_;
  std::mutex victims_mu_;
  std::vector<T*> victims_;                   // guarded by victims_mu_
  std::atomic<std::size_t> victim_count_{0};  // victims_.size(), readable unlocked
  internal::CounterCell unowned_counters_;    // threads that own no shard, and collect()
};

// The options of a Pool<T>, all optional.
//
// Example:
//
//   // Buffers grown past 64 KiB are deleted on put, not kept.
//   pool::Pool<std::string> buffers(
//       [] { return std::make_unique<std::string>(); },
//       {.accept = [](const std::string& s) { return s.capacity() <= 64 << 10; }});
template <class T>
struct PoolOptions {
  // Asked by put() about each object before the pool keeps it: an object for
  // which it returns false is deleted at once and counted as a drop. Use it
  // to bound what idle objects may hold, e.g. to refuse buffers grown past a
  // limit so that one outlier request does not pin its memory in the pool.
  // It runs on the putting thread, on an object nobody else can see. A pool
  // with a predicate takes put()'s slower, out-of-line path.
  std::function<bool(const T&)> accept;
};

// Runs one collection cycle over every live Pool (and AnyPool): each pool's
// idle objects become its victim tier, and the previous victim tier is
// deleted. It plays Go's garbage collector, which does the same at every
// cycle; nothing calls it for you, so a program that never calls it keeps
// every idle object until the pool dies. BoundedPool and ShardedPool take no
// part.
//
// The deleted objects' destructors run while collect() holds the lock that
// every pool's constructor and destructor also take: they must not create,
// destroy or collect pools (that deadlocks).
//
// Example:
//
//   // Once a minute, like a garbage collector's cycle.
//   std::jthread collector([](std::stop_token stop) {
//     while (!stop.stop_requested()) {
//       std::this_thread::sleep_for(std::chrono::minutes(1));
//       pool::collect();
//     }
//   });
inline void collect() { internal::PoolBase::collect_all(); }

// The stats() of every pool of this library (Pool, AnyPool, BoundedPool,
// ShardedPool) the process has made, live or already destroyed, summed. It tells a test or a health
// check whether a program uses its pools at all: a program that never reuses an object shows gets
// == misses. Exact once no thread uses a pool, as stats() is.
inline Stats process_stats() { return internal::PoolBase::process_counts(); }

// The factory most pools want: makes a new T, value-initialised as `new T()`
// does (a scalar or a plain struct comes zeroed, a class gets its default
// constructor), one object per call, as put() expects the objects it deletes.
// Pass it by name where a Pool takes a factory. T must be default-constructible.
//
// Example:
//
//   pool::Pool<std::string> buffers(pool::make_new<std::string>);
template <class T>
std::unique_ptr<T> make_new() {
  return std::make_unique<T>();
}

}  // namespace pool
