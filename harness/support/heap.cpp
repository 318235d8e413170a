#include "harness/support/heap.h"

// clang says so through __has_feature, GCC through its own macros.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define BUGHUNT_SANITIZER_ALLOCATOR 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define BUGHUNT_SANITIZER_ALLOCATOR 1
#endif

#ifdef BUGHUNT_SANITIZER_ALLOCATOR
#if __has_include(<sanitizer/allocator_interface.h>)
#include <sanitizer/allocator_interface.h>
#else
// GCC's runtimes have the function but GCC ships no header declaring it.
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
#endif
#else
#include <malloc.h>
#endif

namespace harness {

std::size_t heap_bytes_in_use() {
#ifdef BUGHUNT_SANITIZER_ALLOCATOR
  return __sanitizer_get_current_allocated_bytes();
#else
  struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;  // small blocks in use + mmapped blocks
#endif
}

}  // namespace harness
