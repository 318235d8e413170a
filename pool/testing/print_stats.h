// pool/testing/print_stats.h — lets GoogleTest print a pool::Stats in a
// failure message ("{gets 100, puts 100, misses 1, drops 0}") instead of its
// bytes.
#pragma once

#include <ostream>

#include "pool/stats.h"

namespace pool {

inline void PrintTo(const Stats& s, std::ostream* os) {
  *os << "{gets " << s.gets << ", puts " << s.puts << ", misses " << s.misses << ", drops "
      << s.drops << "}";
}

}  // namespace pool
