#include "harness/heap.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define BUGHUNT_SANITIZER_ALLOCATOR 1
#endif
#endif

#ifdef BUGHUNT_SANITIZER_ALLOCATOR
#include <sanitizer/allocator_interface.h>
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
