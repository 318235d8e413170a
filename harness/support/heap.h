// harness/support/heap.h — how many bytes the program holds on the heap right now.
//
// The figure comes from the allocator itself: the sanitizer allocator's own
// count in ASan and TSan builds, glibc's mallinfo2() in plain builds. Tests
// compare it before and after a workload to measure what a pool retains.
#pragma once

#include <cstddef>

namespace harness {

std::size_t heap_bytes_in_use();

}  // namespace harness
