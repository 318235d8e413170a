// 02_deferred_greetings.cpp — greetings are rendered into pooled text buffers when
// they are due and printed when the connection is ready for them.
#include "harness/cases/02_deferred_greetings.h"

#include <fmt/core.h>

#include <functional>
#include <iterator>
#include <memory>
#include <string>

#include "pool/pool.h"

namespace greetings {
namespace {

pool::Pool<std::string> text_buffers([] { return std::make_unique<std::string>(); });

// Renders the greeting into a text buffer from the pool.
// The lease goes to the caller, who holds the buffer until it has printed it;
// put back any sooner, the buffer may be lent to another thread meanwhile.
pool::Lease<std::string> render(std::string_view name) {
  auto text = text_buffers.borrow();
  text->clear();
  fmt::format_to(std::back_inserter(*text), "hello {}", name);
  return text;
}

}  // namespace

std::string greet(std::string_view name, const std::function<void()>& wait_until_ready) {
  auto text = render(name);
  wait_until_ready();
  std::string line = *text;
  fmt::print("{}\n", line);
  return line;
}

}  // namespace greetings
