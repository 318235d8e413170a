// harness/support/schedule.h — forcing an interleaving without sleeping.
//
// A race case must fail on every run, so its test decides which thread goes
// first instead of hoping the scheduler does. Two tools:
//
// Turnstile: one thread open()s it, others wait() for that. It is built on a
// relaxed atomic, which orders the threads in time but, by design, creates no
// happens-before edge: ThreadSanitizer still sees the accesses on either side
// as unsynchronised, exactly as they would be without the test's help.
//
// Example:
//
//   harness::Turnstile written;
//   std::thread t([&] { shared = 1; written.open(); });
//   written.wait();
//   read(shared);      // after the write in time; a race in TSan's eyes
//
// Anything the program under test synchronises (a mutex, a pool's put/get)
// still synchronises: the turnstile adds nothing, so a correct fix stays clean.
#pragma once

#include <atomic>
#include <thread>

namespace harness {

class Turnstile {
 public:
  void open() { open_.store(true, std::memory_order_relaxed); }
  void wait() const {
    while (!open_.load(std::memory_order_relaxed)) std::this_thread::yield();
  }

 private:
  std::atomic<bool> open_{false};
};

}  // namespace harness
