// pool/lease.h — Lease, the RAII borrow of one pooled object: the C++ answer
// to Go's `defer pool.Put(x)` written right after Get.
#pragma once

#include <utility>

namespace pool {

template <class T>
class Pool;

// A Lease<T> holds one object taken from a pool and puts it back when the
// lease is destroyed, also when an exception unwinds the scope. Every pool of
// this library hands one out from borrow(); Owner is the kind of pool the
// object goes back to.
//
// The lease gives the object back, not your obligations: reset it after
// borrow() (pools never do), and keep no pointer or reference into it past
// the lease's end. After that the object may be in another thread's hands.
//
// A lease may be empty, when a pool without a factory missed: check it with
// `if (lease)` before you use it. An empty lease puts nothing back.
//
// A lease can be moved (the moved-from lease is then empty) but not copied or
// assigned: two leases never hold the same object.
//
// Example:
//
//   void send_payload(pool::Pool<std::string>& buffers) {
//     auto buf = buffers.borrow();  // a Lease<std::string>
//     buf->clear();
//     buf->append("payload");
//     send(*buf);
//   }                               // buf goes back here
template <class T, class Owner = Pool<T>>
class Lease {
 public:
  Lease(Lease&& other) noexcept
      : pool_(other.pool_), object_(std::exchange(other.object_, nullptr)) {}
  Lease& operator=(Lease&&) = delete;
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  ~Lease() { pool_->put(object_); }  // every pool ignores put(nullptr)

  // The object, or nullptr for an empty lease.
  T* get() const noexcept { return object_; }
  T& operator*() const noexcept { return *object_; }
  T* operator->() const noexcept { return object_; }
  explicit operator bool() const noexcept { return object_ != nullptr; }

 private:
  friend Owner;  // only a pool makes leases
  Lease(Owner* pool, T* object) : pool_(pool), object_(object) {}

  Owner* pool_;
  T* object_;
};

}  // namespace pool
