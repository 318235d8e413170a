// pool/internal/cache_line.h — the cache-line size the pools pad their shared
// state to.
#pragma once

#include <cstddef>

namespace pool::internal {

// 64 bytes is the cache line of every x86-64 and most ARM cores. The standard
// constant (std::hardware_destructive_interference_size) is not stable across
// compilers, so it is spelled out.
inline constexpr std::size_t kCacheLine = 64;

}  // namespace pool::internal
