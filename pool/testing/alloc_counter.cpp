// pool/testing/alloc_counter.cpp — the allocation count behind
// alloc_counter.h. Linked into a test binary, it counts every heap allocation
// of that process.
//
// Plain and ASan builds replace the global operator new and delete, every
// form of them, with versions that count and then call malloc and free (ASan
// still checks the memory, through its malloc). TSan's runtime defines operator
// new itself and links it whole, so a second definition would not link; there
// the count comes from the sanitizer allocator's malloc hook, which sees every
// allocation, operator new's included.
#include "pool/testing/alloc_counter.h"

#include <atomic>
#include <cstddef>
#include <cstdint>

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define BUGHUNT_COUNT_WITH_HOOK 1
#endif
#endif

#ifdef BUGHUNT_COUNT_WITH_HOOK
#include <sanitizer/allocator_interface.h>
#else
#include <cstdlib>
#include <new>
#endif

namespace {

// Constant-initialised, so it counts from the first allocation of the
// process on, before any dynamic initialiser runs.
constinit std::atomic<std::uint64_t> count{0};

void counted() { count.fetch_add(1, std::memory_order_relaxed); }

}  // namespace

std::uint64_t pool::testing::allocations() { return count.load(std::memory_order_relaxed); }

#ifdef BUGHUNT_COUNT_WITH_HOOK

namespace {

void on_malloc(const volatile void*, std::size_t) { counted(); }
void on_free(const volatile void*) {}

// Installed before main; allocations of earlier initialisers go uncounted,
// which no measurement here needs.
[[maybe_unused]] const int hooks_installed =
    __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);

}  // namespace

#else

namespace {

void* allocate(std::size_t size) {
  counted();
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}

void* allocate(std::size_t size, std::align_val_t align) {
  counted();
  auto a = static_cast<std::size_t>(align);
  // aligned_alloc wants a size that is a multiple of the alignment.
  std::size_t rounded = (size + a - 1) / a * a;
  if (void* p = std::aligned_alloc(a, rounded == 0 ? a : rounded)) return p;
  throw std::bad_alloc();
}

}  // namespace

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept try {
  return allocate(size);
} catch (...) {
  return nullptr;
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept try {
  return allocate(size);
} catch (...) {
  return nullptr;
}
void* operator new(std::size_t size, std::align_val_t align) { return allocate(size, align); }
void* operator new[](std::size_t size, std::align_val_t align) { return allocate(size, align); }
void* operator new(std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept try {
  return allocate(size, align);
} catch (...) {
  return nullptr;
}
void* operator new[](std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept try {
  return allocate(size, align);
} catch (...) {
  return nullptr;
}

void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }

#endif
