// pool/internal/registry.h — the list of live pools that pool::collect()
// walks and pool::process_stats() sums, and the part of a pool they need.
#pragma once

#include <algorithm>
#include <mutex>
#include <vector>

#include "pool/stats.h"

namespace pool::internal {

// The part of a pool that collect() and process_stats() need, free of T. A pool joins once fully
// built and leaves before it frees anything, so collect() never sees one half
// made or half destroyed.
class PoolBase {
 public:
  PoolBase(const PoolBase&) = delete;
  PoolBase& operator=(const PoolBase&) = delete;

  // One collection cycle over every live pool: pool::collect().
  static void collect_all() { Registry::instance().collect(); }
  // The counters of every pool made so far, live or destroyed, summed:
  // pool::process_stats().
  static Stats process_counts() { return Registry::instance().counts(); }

 protected:
  PoolBase() = default;
  ~PoolBase() = default;
  void join_registry() { Registry::instance().add(this); }
  // Waits out a running collection.
  void leave_registry() { Registry::instance().remove(this); }

 private:
  // Turns the pool's idle objects into its victim tier and deletes the
  // previous tier; runs with the registry locked. A pool that takes no part
  // in collect() (BoundedPool, ShardedPool) joins for its counts alone and
  // keeps this default.
  virtual void rotate_victims() {}
  // The pool's stats(), read with the registry locked.
  virtual Stats counts() const = 0;

  static void add_counts(Stats& sum, const Stats& s) {
    sum.gets += s.gets;
    sum.puts += s.puts;
    sum.misses += s.misses;
    sum.drops += s.drops;
  }

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
      add_counts(departed_, p->counts());
    }
    void collect() {
      std::lock_guard lock(mu_);  // for the whole cycle, as Go stops the world
      for (PoolBase* p : pools_) p->rotate_victims();
    }
    Stats counts() {
      std::lock_guard lock(mu_);
      Stats sum = departed_;
      for (const PoolBase* p : pools_) add_counts(sum, p->counts());
      return sum;
    }

   private:
    std::mutex mu_;
    std::vector<PoolBase*> pools_;  // guarded by mu_
    Stats departed_;                // guarded by mu_: what destroyed pools counted
  };
};

}  // namespace pool::internal
