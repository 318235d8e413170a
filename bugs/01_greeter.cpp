// 01_greeter.cpp — a greeter that formats each greeting in a line
// buffer taken from a pool, so that busy greeters do not allocate per call.
#include "harness/cases/01_greeter.h"

#include <fmt/core.h>

#include <iterator>
#include <memory>
#include <string>

#include "pool/pool.h"

namespace greeter {
namespace {

pool::Pool<std::string> line_buffers([] { return std::make_unique<std::string>(); });

}  // namespace

std::string greet(std::string_view name) {
  auto line = line_buffers.borrow();
  fmt::format_to(std::back_inserter(*line), "hello {}", name);
  return *line;  // a copy: the buffer itself goes back to the pool
}

}  // namespace greeter
