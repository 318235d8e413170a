// pool/borrow.h — run_borrowed, which runs a callable with a borrowed object
// under a stop token, and BorrowOutcome, what came of it.
#pragma once

#include <stop_token>
#include <type_traits>
#include <utility>

namespace pool {

// What run_borrowed() did.
//
// Example:
//
//   if (pool::run_borrowed(buffers, stop, work) == pool::BorrowOutcome::kNoObject) retry_later();
enum class BorrowOutcome {
  kCompleted,  // f ran and returned with no stop requested
  kStopped,    // a stop was requested, before f was called or while it ran
  kNoObject,   // the pool had no object to lend (no factory); f not called
};

// run_borrowed(pool, stop, f) takes an object from `pool`, calls
// f(object, stop) (or f(object)), and puts the object back once f has
// returned or thrown. It is the C++ counterpart of tying a pooled object's
// lifetime to a Go context: the work can be cancelled, and cancelling never
// hands the object back while the work still uses it.
//
// If a stop was requested before the call, f is not called and nothing is
// taken from the pool: the result is kStopped. Otherwise the object is taken
// with get(); a pool without a factory may have none, and then f is not called
// and the result is kNoObject.
//
// The object goes back to the pool after f has finished, and only then: when
// f returns, when f throws (the exception propagates), and when a stop is
// requested while f runs. A stop request does not interrupt f; f sees it
// through the token it is given and should return early. The result is
// kCompleted if no stop was requested by the time f returned, and kStopped
// otherwise (f may have finished its work anyway).
//
// It works with every pool of this library, or any type with T* get() and
// put(T*). Where nothing can cancel the work, a lease (pool.borrow()) says the
// same with less. Do not hand the object to another thread from inside f
// unless f waits for that thread: the object goes back when f returns, and a
// thread that still holds it then races with its next owner.
//
// There is no variant that returns at once on a stop request and lets f
// finish on its own: the caller would have to keep the pool alive for an
// unknown time, and that shape is exactly how a borrowed object ends up used
// after it went back (the detached-thread bug among the cases). Cancellation
// here is cooperative: the caller waits, f hurries.
//
// Example:
//
//   std::jthread worker([&](std::stop_token stop) {
//     auto outcome = pool::run_borrowed(buffers, stop, [&](std::string& buf, std::stop_token st) {
//       buf.clear();
//       for (const auto& chunk : chunks) {
//         if (st.stop_requested()) return;  // give up early; buf still goes back
//         buf += chunk;
//       }
//       send(buf);
//     });
//     if (outcome == pool::BorrowOutcome::kStopped) log("cancelled");
//   });
//   ...
//   worker.request_stop();  // buf goes back when the lambda has returned
template <class P, class F>
BorrowOutcome run_borrowed(P& pool, std::stop_token stop, F&& f) {
  using T = std::remove_pointer_t<decltype(pool.get())>;
  static_assert(std::is_invocable_v<F&, T&, std::stop_token> || std::is_invocable_v<F&, T&>,
                "f must be callable as f(T&, std::stop_token) or f(T&)");
  if (stop.stop_requested()) return BorrowOutcome::kStopped;
  T* object = pool.get();
  if (object == nullptr) return BorrowOutcome::kNoObject;

  // Puts the object back when this frame ends, after f, also on a throw.
  struct PutBack {
    P& pool;
    T* object;
    ~PutBack() { pool.put(object); }
  } put_back{pool, object};

  if constexpr (std::is_invocable_v<F&, T&, std::stop_token>)
    f(*object, stop);
  else
    f(*object);
  return stop.stop_requested() ? BorrowOutcome::kStopped : BorrowOutcome::kCompleted;
}

}  // namespace pool
