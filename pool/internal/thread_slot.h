// pool/internal/thread_slot.h — each thread's slot number, which picks the
// shard a thread owns in every pool, and how many such shards a pool has.
#pragma once

#include <algorithm>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

namespace pool::internal {

// Each thread's slot number: the lowest number no other live thread holds,
// taken on first use and given back when the thread exits. Live threads thus
// hold distinct small numbers, and as long as there are no more of them than
// shards, no two share a shard (Go gets the same from its P ids). A thread
// that puts an object back finds its own shard again, on cache lines it
// touched last.
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
  static std::vector<bool>& taken() {  // guarded by mu()
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

// How many per-slot shards a pool has: a power of two (a slot maps to its
// shard by masking), at least the number of hardware threads and at least 8.
// A thread whose slot is past the last shard owns none.
inline std::size_t shard_count() {
  std::size_t want = std::max(8u, std::thread::hardware_concurrency());
  std::size_t n = 1;
  while (n < want) n <<= 1;
  return n;
}

}  // namespace pool::internal
