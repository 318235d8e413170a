// pool/internal/registry.h — the list of live pools that pool::collect()
// walks, and the part of a pool it needs.
#pragma once

#include <algorithm>
#include <mutex>
#include <vector>

namespace pool::internal {

// The part of a pool that collect() needs, free of T. A pool joins once fully
// built and leaves before it frees anything, so collect() never sees one half
// made or half destroyed.
class PoolBase {
 public:
  PoolBase(const PoolBase&) = delete;
  PoolBase& operator=(const PoolBase&) = delete;

  // One collection cycle over every live pool: pool::collect().
  static void collect_all() { Registry::instance().collect(); }

 protected:
  PoolBase() = default;
  ~PoolBase() = default;
  void join_registry() { Registry::instance().add(this); }
  // Waits out a running collection.
  void leave_registry() { Registry::instance().remove(this); }

 private:
  // Turns the pool's idle objects into its victim tier and deletes the
  // previous tier; runs with the registry locked.
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
      std::lock_guard lock(mu_);  // for the whole cycle, as Go stops the world
      for (PoolBase* p : pools_) p->rotate_victims();
    }

   private:
    std::mutex mu_;
    std::vector<PoolBase*> pools_;  // guarded by mu_
  };
};

}  // namespace pool::internal
