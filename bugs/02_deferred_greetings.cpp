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
std::string* render(std::string_view name) {
  std::string* text = text_buffers.get();
  text->clear();
  fmt::format_to(std::back_inserter(*text), "hello {}", name);
  text_buffers.put(text);
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
