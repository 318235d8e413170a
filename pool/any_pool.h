// pool/any_pool.h — AnyPool, the type-erased face of the pool, as Go's
// sync.Pool is.
#pragma once

#include <any>
#include <functional>
#include <memory>
#include <utility>

#include "pool/pool.h"
#include "pool/stats.h"

namespace pool {

// AnyPool stores std::any values, the way sync.Pool stores `any`. It keeps
// Pool<T>'s contract (pool.h) but for these differences:
//
// - The caller casts what get() returns, and nothing checks at compile time
//   that the factory, the puts and the casts agree on one type. That freedom
//   is the source of a family of bugs (a factory that makes a value where
//   callers cast to a pointer; a pool with no factory whose empty result is
//   cast anyway). Prefer Pool<T>, where those mistakes do not compile; AnyPool
//   exists to port Go programs faithfully and to show why.
// - An empty std::any plays Go's nil: get() returns it on a miss without a
//   factory, and put() of an empty std::any does nothing.
// - The pool owns the std::any, not what a pointer inside it points to: a
//   pooled raw pointer is deleted by nobody when the pool drops it. Pool
//   values or smart pointers, or use Pool<T>.
// - There is no borrow(): a lease would not know what to cast to.
//
// Example:
//
//   pool::AnyPool buffers([] { return std::any(std::make_shared<std::string>()); });
//   auto buf = std::any_cast<std::shared_ptr<std::string>>(buffers.get());
//   buf->clear();
//   buffers.put(buf);
class AnyPool {
 public:
  using Factory = std::function<std::any()>;

  // A pool without a factory: get() returns an empty std::any on a miss.
  AnyPool() = default;

  // A pool whose get() calls `factory` on a miss.
  explicit AnyPool(Factory factory)
      : slots_([factory = std::move(factory)] { return std::make_unique<std::any>(factory()); }) {}

  AnyPool(const AnyPool&) = delete;
  AnyPool& operator=(const AnyPool&) = delete;

  std::any get() {
    std::unique_ptr<std::any> slot(slots_.get());
    return slot ? std::move(*slot) : std::any();
  }

  void put(std::any value) {
    if (!value.has_value()) return;
    slots_.put(new std::any(std::move(value)));
  }

  // The counters of the underlying pool.
  Stats stats() const { return slots_.stats(); }

 private:
  // Each idle value sits in a heap-allocated std::any so that it can live in a
  // Pool<std::any> and share its shards, victim tier and collect().
  Pool<std::any> slots_;
};

}  // namespace pool
