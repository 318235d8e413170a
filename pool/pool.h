// pool/pool.h — a C++ analogue of Go's sync.Pool.
//
// A Pool<T> is a set of idle objects of type T that callers may take and give
// back. Its purpose is to cache allocated but unused objects for later reuse,
// relieving the allocator and the constructor of work, as Go's sync.Pool
// relieves the garbage collector.
//
// The contract, in plain sentences:
//
// - get() hands the caller an object; from then until put() the caller owns it
//   and nobody else can see it. On a miss get() calls the factory, or returns
//   nullptr when the pool has none.
// - put(x) gives x to the pool. From that moment the caller must not touch x:
//   the pool may hand it to another thread at once, or delete it.
// - An object in the pool may be deleted at any time without notice. Each call
//   of pool::collect() (the garbage collector's cycle in Go) moves every idle
//   object to a victim tier and deletes the previous victim tier, so an idle
//   object survives one collection and is deleted at the second.
// - Objects come back as they were put: the pool never resets them. Reset an
//   object after get() (or before put()), never rely on its old contents.
// - A put() synchronises-with the get() that returns the same object, so what
//   the putting thread wrote is visible to the getting thread.
// - Pools cannot be copied or moved: a copy would own the same objects twice.
// - Destroying a pool deletes every idle object it holds.
// - A pool may be given an accept predicate (PoolOptions::accept): put() then
//   deletes, instead of keeping, every object the predicate refuses, such as
//   a buffer that an outlier request grew to megabytes.
// - Every pool counts its gets, puts, misses and drops; stats() returns them
//   (see pool/stats.h).
//
// When not to use it: a Pool is a cache of interchangeable, stateless-after-
// reset objects. It is not a free list of short-lived objects owned by one
// structure (keep your own), not a bound on memory (idle objects linger until
// two collections; pool::BoundedPool and pool::ShardedPool hold a fixed
// number at most), not a cache of one shared object (a singleton wants
// std::call_once or an atomic shared pointer), and not a way to share
// identity: two callers never get the same object, so a pool of mutexes or of
// connections a caller expects to find again is a bug. And it is not free: a
// pool pays only where making the object costs more than a get and a put
// (measure it; see docs/pools.md).
//
// Example:
//
//   pool::Pool<std::string> buffers([] { return std::make_unique<std::string>(); });
//
//   std::string greet(std::string_view name) {
//     auto buf = buffers.borrow();     // back to the pool when buf dies
//     buf->clear();                    // the pool does not reset objects
//     *buf += "hello, ";
//     *buf += name;
//     return *buf;                     // a copy: never return the pooled object
//   }
//
//   // Buffers grown past 64 KiB are deleted on put, not kept.
//   pool::Pool<std::string> bounded(
//       [] { return std::make_unique<std::string>(); },
//       {.accept = [](const std::string& s) { return s.capacity() <= 64 << 10; }});
//
// Internals, and why:
//
// - Idle objects live in shards, one per slot of a small fixed array (a power
//   of two, at least the number of hardware threads). Each live thread holds a
//   distinct slot number and uses the shard at that number, so threads mostly
//   touch different cache lines. Shards are padded to a cache
//   line to keep them apart (false sharing would cost more than the pool saves).
// - A shard has a private slot, an atomic pointer, then a ring for the
//   overflow (pool/steal_ring.h), then a list behind a mutex for what the ring
//   has no room for. This mirrors Go's poolLocal: the private slot is the fast
//   path, and the ring plays the part of Go's lock-free poolChain. Go's owner
//   touches the private slot with plain loads and stores because the runtime
//   pins the goroutine and stops the world to collect; here thieves and
//   collect() may empty it at any time, so get() takes it with one atomic
//   exchange, while put() by its owner, the only thread that ever fills it,
//   needs just a release store. That exchange is the whole price of a get+put
//   pair beyond a thread-local free list (docs/pools.md has the measurement);
//   it is the least that lets other threads take what the owner left behind.
// - The ring's owner pushes without a read-modify-write and pops with one;
//   other threads steal from its other end. A thread beyond the shard count
//   shares a shard it does not own, so it never touches that shard's private
//   slot or ring as an owner: it puts on the locked list and gets by stealing.
// - get() and put() are split into a small inline fast path (the private
//   slot) and out-of-line slow paths, so the fast path costs no call.
// - Each shard also holds its owner's counters (pool/stats.h explains why they
//   cost next to nothing), right after the private slot: on the cache line
//   the owner's get and put touch anyway, so counting adds no line to them.
// - get() looks at its own shard, then steals from the other shards, then from
//   the victim tier, and only then calls the factory. Stealing keeps objects
//   put by a thread that has since exited reachable by the others.
// - The shards belong to the pool, not to the threads, so a thread may exit at
//   any time without leaking what it cached, and a pool may be destroyed while
//   threads that used it live on.
// - Every live pool is in a registry that collect() walks. The registry lock is
//   held for the whole cycle (Go stops the world); the destructors of deleted
//   objects run under it, so they must not create, destroy or collect pools.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "pool/stats.h"
#include "pool/steal_ring.h"

namespace pool {

template <class T>
class Pool;

// Options of a Pool<T>, all optional.
template <class T>
struct PoolOptions {
  // Asked by put() about each object before the pool keeps it: an object for
  // which it returns false is deleted at once and counted as a drop. Use it
  // to bound what idle objects may hold, e.g. to refuse buffers grown past a
  // limit so that one outlier request does not pin its memory in the pool.
  // It runs on the putting thread, on an object nobody else can see.
  std::function<bool(const T&)> accept;
};

// Runs one collection cycle over every live pool: each pool's idle objects
// become its victim tier, and the previous victim tier is deleted.
void collect();

namespace internal {

// The part of a pool that collect() needs, free of T.
class PoolBase {
 public:
  PoolBase(const PoolBase&) = delete;
  PoolBase& operator=(const PoolBase&) = delete;

 protected:
  PoolBase() = default;
  ~PoolBase() = default;
  // A pool joins once fully built and leaves before it frees anything, so
  // collect() never sees one half made or half destroyed.
  void join_registry() { Registry::instance().add(this); }
  void leave_registry() { Registry::instance().remove(this); }

 private:
  friend void pool::collect();
  virtual void rotate_victims() = 0;

  class Registry {
   public:
    static Registry& instance() {
      static Registry* registry = new Registry;  // never destroyed: pools may
      return *registry;                          // outlive static destruction
    }
    void add(PoolBase* p) {
      std::lock_guard lock(mu_);
      pools_.push_back(p);
    }
    void remove(PoolBase* p) {
      std::lock_guard lock(mu_);
      std::erase(pools_, p);
    }
    void collect() {
      std::lock_guard lock(mu_);
      for (PoolBase* p : pools_) p->rotate_victims();
    }

   private:
    std::mutex mu_;
    std::vector<PoolBase*> pools_;
  };
};

// Each thread's slot number: the lowest number no other live thread holds,
// taken on first use and given back when the thread exits. Live threads thus
// hold distinct small numbers, and as long as there are no more of them than
// shards, no two share a shard (Go gets the same from its P ids).
class ThreadSlots {
 public:
  static unsigned mine() {
    if (slot_ == kNone) [[unlikely]]
      assign();
    return slot_;
  }

 private:
  static constexpr unsigned kNone = ~0u;
  // A plain thread_local with a constant initialiser costs one load on the
  // fast path; the holder with the destructor is made only on first use.
  static inline thread_local unsigned slot_ = kNone;
  struct Holder {
    ~Holder() {
      give_back(slot_);
      slot_ = kNone;
    }
  };
  [[gnu::noinline]] static void assign() {
    slot_ = take();
    thread_local Holder holder;
  }
  static std::mutex& mu() {
    static std::mutex* m = new std::mutex;  // never destroyed: threads may
    return *m;                              // exit after static destruction
  }
  static std::vector<bool>& taken() {
    static auto* t = new std::vector<bool>;
    return *t;
  }
  static unsigned take() {
    std::lock_guard lock(mu());
    auto& t = taken();
    unsigned slot = 0;
    while (slot < t.size() && t[slot]) ++slot;
    if (slot == t.size()) t.push_back(false);
    t[slot] = true;
    return slot;
  }
  static void give_back(unsigned slot) {
    std::lock_guard lock(mu());
    taken()[slot] = false;
  }
};

inline unsigned this_thread_slot() { return ThreadSlots::mine(); }

inline std::size_t shard_count() {
  std::size_t want = std::max(8u, std::thread::hardware_concurrency());
  std::size_t n = 1;
  while (n < want) n <<= 1;
  return n;
}

// 64 bytes is the cache line of every x86-64 and most ARM cores; the standard
// constant is not stable across compilers, so it is spelled out.
inline constexpr std::size_t kCacheLine = 64;

// How many idle objects beyond its private slot a shard's owner keeps without
// a lock (1 KiB of pointers); more go on the shard's locked list.
inline constexpr std::size_t kRingCapacity = 128;

}  // namespace internal

inline void collect() { internal::PoolBase::Registry::instance().collect(); }

// Lease<T> is the RAII borrow of one object: it puts the object back into its
// pool when destroyed, also when an exception unwinds the scope. It is the C++
// answer to Go's `defer pool.Put(x)` written right after Get.
//
// Example:
//
//   auto buf = buffers.borrow();
//   buf->append("payload");
//   send(*buf);
//   // buf goes back here; do not keep pointers into it.
//
// A lease may be empty (a pool without a factory that missed): check it with
// `if (lease)`.
//
// Owner is the kind of pool the object goes back to; every pool of this
// library (Pool, BoundedPool, ShardedPool) hands out leases.
template <class T, class Owner = Pool<T>>
class Lease {
 public:
  Lease(Lease&& other) noexcept
      : pool_(other.pool_), object_(std::exchange(other.object_, nullptr)) {}
  Lease& operator=(Lease&&) = delete;
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  ~Lease() { pool_->put(object_); }

  T* get() const noexcept { return object_; }
  T& operator*() const noexcept { return *object_; }
  T* operator->() const noexcept { return object_; }
  explicit operator bool() const noexcept { return object_ != nullptr; }

 private:
  friend Owner;
  Lease(Owner* pool, T* object) : pool_(pool), object_(object) {}

  Owner* pool_;
  T* object_;
};

// Pool<T>: see the file comment for the contract.
//
// Example:
//
//   pool::Pool<Decoder> decoders([] { return std::make_unique<Decoder>(); });
//   Decoder* d = decoders.get();
//   d->reset();
//   auto result = d->decode(bytes);
//   decoders.put(d);               // d must not be used after this line
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

  ~Pool() {
    // Leaving waits out a running collect(). Nobody may use a pool while it
    // is being destroyed.
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
      // suffices. Threads beyond the shard count share shards and own none.
      if (own.private_object.load(std::memory_order_relaxed) == nullptr) {
        own.private_object.store(x, std::memory_order_release);
        return;
      }
      return push_owned(slot, x);
    }
    put_slow(x, slot);
  }

  // get() wrapped in a Lease that puts the object back when it goes.
  Lease<T> borrow() { return Lease<T>(this, get()); }

  // The counters summed over all shards (see pool/stats.h).
  Stats stats() const {
    Stats s;
    for (std::size_t i = 0; i <= shard_mask_; ++i) shards_[i].counters.add_to(s);
    unowned_counters_.add_to(s);
    return s;
  }

 private:
  struct alignas(internal::kCacheLine) Shard {
    std::atomic<T*> private_object{nullptr};
    // Written only by the thread whose slot is this shard's index.
    internal::CounterCell counters;
    // What the shard's ring has no room for, and what threads that own no
    // shard put.
    std::mutex mu;
    std::vector<T*> spill;  // guarded by mu
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

  // The owner's put once its private slot is full.
  [[gnu::noinline]] void push_owned(std::size_t shard, T* x) {
    if (!rings_[shard].push(x)) shards_[shard].push_spill(x);
  }
  // The owner's get once its private slot is empty.
  T* pop_owned(std::size_t shard) {
    if (T* x = rings_[shard].pop()) return x;
    return shards_[shard].pop_spill();
  }
  // Anyone's get from a shard it does not own.
  T* steal(std::size_t shard) {
    if (T* x = shards_[shard].take_private()) return x;
    if (T* x = rings_[shard].steal()) return x;
    return shards_[shard].pop_spill();
  }

  // Out of line, so that the fast paths above stay small enough to inline.
  [[gnu::noinline]] T* get_slow(unsigned slot) {
    // A thread beyond the shard count shares a shard it does not own.
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
    if (slot > shard_mask_) return own.push_spill(x);
    if (own.private_object.load(std::memory_order_relaxed) == nullptr) {
      own.private_object.store(x, std::memory_order_release);
      return;
    }
    push_owned(slot, x);
  }

  unsigned this_slot() const { return internal::this_thread_slot(); }

  // A thread counts in the shard it owns, if any: its cell has no other
  // writer. Threads beyond the shard count share one cell.
  void count(unsigned slot, internal::Counter c) {
    if (slot <= shard_mask_) [[likely]]
      shards_[slot].counters.bump_owned(c);
    else
      unowned_counters_.bump_shared(c);
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

  // Called by collect() with the registry locked.
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

  Factory factory_;
  std::function<bool(const T&)> accept_;
  std::size_t shard_mask_;
  std::unique_ptr<Shard[]> shards_;
  // Each shard's ring, in an array of its own: the fast paths touch only
  // shards_, whose entries stay two cache lines each.
  using Ring = internal::StealRing<T, internal::kRingCapacity>;
  std::unique_ptr<Ring[]> rings_;
  std::mutex victims_mu_;
  std::vector<T*> victims_;                   // guarded by victims_mu_
  std::atomic<std::size_t> victim_count_{0};  // victims_.size(), readable unlocked
  internal::CounterCell unowned_counters_;    // other threads' and collect()'s
};

}  // namespace pool
