// pool_bench — the pool against its peers, one acquire + release per iteration.
//
// Every implementation recycles the same object: a Buffer whose byte vector
// has 4 KiB of capacity, the typical pooled I/O buffer. Benchmarks are named
// <Impl>/<shape> and run at 1, 2, 4 and 8 threads sharing one instance, timed
// in real time (what a caller waits, not CPU seconds summed over threads).
//
//   Pool                 pool::Pool<Buffer> get/put
//   BoundedPool          pool::BoundedPool<Buffer>: a lock-free ring, at most 1024 idle
//   ShardedPool          pool::ShardedPool<Buffer>: locked shards, at most 1024 idle in all
//   ThreadLocalFreeList  a thread_local vector of pointers: the practical limit
//   SlotExchange         Pool's fast path alone: a thread's own atomic slot,
//                        taken with an exchange, refilled with a release store
//   NewDelete            new Buffer / delete with the process's malloc
//   MutexPool            one std::mutex around a vector
//   PmrSynchronized      the buffer's storage from a synchronized_pool_resource
//
// Two more shapes from Go's own pool benchmarks, for the pools only:
//   Overflow    100 releases then 100 acquires per iteration
//   Starvation  67 releases then 100 acquires (a third of them miss)
//
// Build with the plain flavour (-O2, no sanitizer); run with scripts/bench.
#include <benchmark/benchmark.h>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdio>
#include <memory>
#include <memory_resource>
#include <mutex>
#include <vector>

#include "pool/bounded_pool.h"
#include "pool/pool.h"
#include "pool/sharded_pool.h"

#if defined(BUGHUNT_BENCH_TCMALLOC) || defined(BUGHUNT_BENCH_MIMALLOC)
#define BUGHUNT_BENCH_ALLOCATOR_ONLY 1
#endif
#if defined(BUGHUNT_BENCH_TCMALLOC)
#include <gperftools/malloc_extension.h>
#elif defined(BUGHUNT_BENCH_MIMALLOC)
#include <mimalloc.h>
#endif

namespace {

constexpr std::size_t kBufferBytes = 4096;

struct Buffer {
  Buffer() { bytes.reserve(kBufferBytes); }
  std::vector<std::byte> bytes;
};

// Each pool implementation hands out Buffers; on a miss it makes one when
// built with make_on_miss, and returns nullptr otherwise (like a Go pool
// without New, for the Starvation shape).

class PoolImpl {
 public:
  explicit PoolImpl(bool make_on_miss)
      : pool_(make_on_miss ? pool::Pool<Buffer>([] { return std::make_unique<Buffer>(); })
                           : pool::Pool<Buffer>()) {}
  Buffer* acquire() { return pool_.get(); }
  void release(Buffer* b) { pool_.put(b); }

 private:
  pool::Pool<Buffer> pool_;
};

// The bounded pools hold up to 1024 idle Buffers, more than any shape below
// keeps out at once (8 threads x 100), so that they are measured, not the
// new/delete of what they would drop.
constexpr std::size_t kBound = 1024;

class BoundedPoolImpl {
 public:
  explicit BoundedPoolImpl(bool make_on_miss)
      : pool_(make_on_miss ? pool::BoundedPool<Buffer>(kBound, make)
                           : pool::BoundedPool<Buffer>(kBound)) {}
  Buffer* acquire() { return pool_.get(); }
  void release(Buffer* b) { pool_.put(b); }

 private:
  static std::unique_ptr<Buffer> make() { return std::make_unique<Buffer>(); }
  pool::BoundedPool<Buffer> pool_;
};

class ShardedPoolImpl {
 public:
  explicit ShardedPoolImpl(bool make_on_miss)
      : pool_(make_on_miss ? pool::ShardedPool<Buffer>(kBound, make)
                           : pool::ShardedPool<Buffer>(kBound)) {}
  Buffer* acquire() { return pool_.get(); }
  void release(Buffer* b) { pool_.put(b); }

 private:
  static std::unique_ptr<Buffer> make() { return std::make_unique<Buffer>(); }
  pool::ShardedPool<Buffer> pool_;
};

class ThreadLocalFreeList {
 public:
  explicit ThreadLocalFreeList(bool make_on_miss) : make_on_miss_(make_on_miss) {}
  Buffer* acquire() {
    auto& list = free_list();
    if (list.empty()) return make_on_miss_ ? new Buffer : nullptr;
    Buffer* b = list.back();
    list.pop_back();
    return b;
  }
  void release(Buffer* b) {
    if (b) free_list().push_back(b);
  }

 private:
  struct List : std::vector<Buffer*> {
    ~List() {
      for (Buffer* b : *this) delete b;
    }
  };
  static List& free_list() {
    thread_local List list;
    return list;
  }
  bool make_on_miss_;
};

// What Pool's private slot costs with nothing around it: the locked exchange
// that takes it and the release store that refills it. Pool/pair minus this is
// Pool's bookkeeping (slot lookup, counters, accept check); this minus
// ThreadLocalFreeList/pair is the exchange, whose price depends on the CPU.
class SlotExchange {
 public:
  explicit SlotExchange(bool make_on_miss) : make_on_miss_(make_on_miss) {}
  Buffer* acquire() {
    std::atomic<Buffer*>& slot = my_slot().object;
    Buffer* b = slot.load(std::memory_order_relaxed) != nullptr
                    ? slot.exchange(nullptr, std::memory_order_acquire)
                    : nullptr;
    return b == nullptr && make_on_miss_ ? new Buffer : b;
  }
  void release(Buffer* b) {
    std::atomic<Buffer*>& slot = my_slot().object;
    if (slot.load(std::memory_order_relaxed) == nullptr) {
      slot.store(b, std::memory_order_release);
    } else {
      delete b;
    }
  }

 private:
  struct Slot {
    std::atomic<Buffer*> object{nullptr};
    ~Slot() { delete object.load(); }
  };
  static Slot& my_slot() {
    thread_local Slot slot;
    return slot;
  }
  bool make_on_miss_;
};

class MutexPool {
 public:
  explicit MutexPool(bool make_on_miss) : make_on_miss_(make_on_miss) {}
  ~MutexPool() {
    for (Buffer* b : idle_) delete b;
  }
  Buffer* acquire() {
    {
      std::lock_guard lock(mu_);
      if (!idle_.empty()) {
        Buffer* b = idle_.back();
        idle_.pop_back();
        return b;
      }
    }
    return make_on_miss_ ? new Buffer : nullptr;
  }
  void release(Buffer* b) {
    if (!b) return;
    std::lock_guard lock(mu_);
    idle_.push_back(b);
  }

 private:
  bool make_on_miss_;
  std::mutex mu_;
  std::vector<Buffer*> idle_;
};

class NewDelete {
 public:
  explicit NewDelete(bool) {}
  Buffer* acquire() { return new Buffer; }
  void release(Buffer* b) { delete b; }
};

// One instance per implementation and shape, shared by the benchmark's threads.
template <class Impl, bool kMakeOnMiss>
Impl& shared_instance() {
  static Impl impl(kMakeOnMiss);
  return impl;
}

template <class Impl>
void Pair(benchmark::State& state) {
  Impl& impl = shared_instance<Impl, true>();
  for (auto _ : state) {
    Buffer* b = impl.acquire();
    benchmark::DoNotOptimize(b);
    impl.release(b);
  }
  state.SetItemsProcessed(state.iterations());
}

#ifndef BUGHUNT_BENCH_ALLOCATOR_ONLY
// The buffer's 4 KiB of storage from a pool resource, then back to it.
void PmrPair(benchmark::State& state) {
  static std::pmr::synchronized_pool_resource resource;
  for (auto _ : state) {
    std::pmr::vector<std::byte> bytes(&resource);
    bytes.reserve(kBufferBytes);
    benchmark::DoNotOptimize(bytes.data());
  }
  state.SetItemsProcessed(state.iterations());
}
#endif

// Go's BenchmarkPoolOverflow: more puts in a row than a private slot holds.
template <class Impl>
void Overflow(benchmark::State& state) {
  Impl& impl = shared_instance<Impl, true>();
  std::array<Buffer*, 100> held{};
  for (Buffer*& b : held) b = impl.acquire();
  for (auto _ : state) {
    for (Buffer* b : held) impl.release(b);
    for (Buffer*& b : held) b = impl.acquire();
  }
  state.SetItemsProcessed(state.iterations() * held.size());
  for (Buffer* b : held) impl.release(b);
}

// Go's BenchmarkPoolStarvation: a third of the gets find nothing and must
// search every shard (and the victim tier) before giving up.
template <class Impl>
void Starvation(benchmark::State& state) {
  Impl& impl = shared_instance<Impl, false>();
  std::vector<Buffer*> held(67);
  for (Buffer*& b : held) b = new Buffer;
  for (auto _ : state) {
    for (Buffer* b : held) impl.release(b);
    held.clear();
    for (int i = 0; i < 100; ++i)
      if (Buffer* b = impl.acquire()) held.push_back(b);
    while (held.size() < 67) held.push_back(new Buffer);  // replace what others took
    while (held.size() > 67) {
      impl.release(held.back());
      held.pop_back();
    }
  }
  state.SetItemsProcessed(state.iterations() * 100);  // counted in gets
  for (Buffer* b : held) impl.release(b);
}

template <class Fn>
void add(const char* name, Fn fn) {
  benchmark::RegisterBenchmark(name, fn)
      ->Threads(1)
      ->Threads(2)
      ->Threads(4)
      ->Threads(8)
      ->UseRealTime();
}

#if defined(BUGHUNT_BENCH_TCMALLOC)
bool malloc_is_replaced() {
  auto* probe = new Buffer;
  bool owned = MallocExtension::instance()->GetOwnership(probe) == MallocExtension::kOwned;
  delete probe;
  return owned;
}
#elif defined(BUGHUNT_BENCH_MIMALLOC)
bool malloc_is_replaced() {
  auto* probe = new Buffer;
  bool owned = mi_is_in_heap_region(probe);
  delete probe;
  return owned;
}
#endif

void add_all() {
#if defined(BUGHUNT_BENCH_TCMALLOC)
  add("TcmallocNewDelete/pair", Pair<NewDelete>);
#elif defined(BUGHUNT_BENCH_MIMALLOC)
  add("MimallocNewDelete/pair", Pair<NewDelete>);
#else
  add("Pool/pair", Pair<PoolImpl>);
  add("BoundedPool/pair", Pair<BoundedPoolImpl>);
  add("ShardedPool/pair", Pair<ShardedPoolImpl>);
  add("ThreadLocalFreeList/pair", Pair<ThreadLocalFreeList>);
  add("SlotExchange/pair", Pair<SlotExchange>);
  add("NewDelete/pair", Pair<NewDelete>);
  add("MutexPool/pair", Pair<MutexPool>);
  add("PmrSynchronized/pair", PmrPair);
  add("Pool/overflow", Overflow<PoolImpl>);
  add("MutexPool/overflow", Overflow<MutexPool>);
  add("BoundedPool/overflow", Overflow<BoundedPoolImpl>);
  add("ShardedPool/overflow", Overflow<ShardedPoolImpl>);
  add("Pool/starvation", Starvation<PoolImpl>);
  add("MutexPool/starvation", Starvation<MutexPool>);
  add("BoundedPool/starvation", Starvation<BoundedPoolImpl>);
  add("ShardedPool/starvation", Starvation<ShardedPoolImpl>);
#endif
}

}  // namespace

int main(int argc, char** argv) {
#ifdef BUGHUNT_BENCH_ALLOCATOR_ONLY
  if (!malloc_is_replaced()) {
    std::fprintf(stderr, "%s: the allocator did not replace malloc; figures would lie\n", argv[0]);
    return 1;
  }
#endif
  add_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
