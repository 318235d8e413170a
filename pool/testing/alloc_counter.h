// pool/testing/alloc_counter.h — how many heap allocations a piece of code
// makes: the C++ counterpart of Go's testing.AllocsPerRun.
//
// Link pool/testing/alloc_counter.cpp into a test binary (and only into test
// binaries that want it): it counts every allocation the program makes, by
// replacing the global operator new (plain and ASan builds) or through the
// sanitizer's allocation hook (TSan builds, whose runtime owns operator new).
// The count is process-wide and thread-safe, so measure with no other thread
// at work. Plain and ASan builds count operator new, so memory that C code
// takes straight from malloc (zlib's state, for one) is not counted there;
// TSan builds count malloc, which operator new calls, and see both.
//
// Example:
//
//   double per_call = pool::testing::allocs_per_run(1000, [&] { greeter.greet("ada"); });
//   EXPECT_LE(per_call, 1.0);
#pragma once

#include <cstdint>

namespace pool::testing {

// Allocations made by the whole process so far.
std::uint64_t allocations();

// Calls f once to warm up (a pool's first get makes its object; that one
// should not count), then `runs` times, and returns the mean number of
// allocations per call.
template <class F>
double allocs_per_run(int runs, F&& f) {
  f();
  const std::uint64_t before = allocations();
  for (int i = 0; i < runs; ++i) f();
  return static_cast<double>(allocations() - before) / runs;
}

}  // namespace pool::testing
