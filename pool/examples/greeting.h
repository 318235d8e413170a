// pool/examples/greeting.h — the first pool anyone writes: buffers for
// formatting a greeting (Greeter), next to two ways of doing without one
// (greet_stream, greet_format). All three return "hello, <name>".
//
// allocs_test.cpp counts their heap allocations per call: after warm-up the
// pooled one makes one (the returned copy), the stream several, and
// fmt::format one, with no pool at all. The lesson is in docs/pools.md: in C++
// the pool buys something only over the wasteful way of formatting.
#pragma once

#include <fmt/format.h>

#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "pool/pool.h"

namespace pool::examples {

// Formats greetings in pooled buffers and returns a copy.
//
// Example:
//
//   pool::examples::Greeter greeter;
//   std::string s = greeter.greet("Ada Lovelace");  // "hello, Ada Lovelace"
class Greeter {
 public:
  std::string greet(std::string_view name) {
    auto buf = buffers_.borrow();  // back to the pool however we leave
    buf->clear();                  // the pool does not reset what it hands out
    fmt::format_to(std::back_inserter(*buf), "hello, {}", name);
    return *buf;  // a copy: the buffer itself goes back to the pool
  }

  Stats stats() const { return buffers_.stats(); }

 private:
  Pool<std::string> buffers_{make_new<std::string>};
};

// The naive way: a new stream, and its buffer, on every call.
inline std::string greet_stream(std::string_view name) {
  std::ostringstream out;
  out << "hello, " << name;
  return out.str();
}

// The direct way: one string, sized once, no pool.
inline std::string greet_format(std::string_view name) { return fmt::format("hello, {}", name); }

}  // namespace pool::examples
