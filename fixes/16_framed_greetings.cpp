// 16_framed_greetings.cpp — greetings framed as netstrings.
//
// A frame is built in two pooled buffers: the payload first, because the frame
// header states its length, then the frame around it.
#include "harness/cases/16_framed_greetings.h"

#include <fmt/core.h>

#include <cstddef>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>

#include "pool/pool.h"

namespace netstring {
namespace {

// Frames are short: a buffer with room for a typical one rarely grows.
constexpr std::size_t kTypicalFrame = 64;

pool::Pool<std::string> buffers([] {
  auto buffer = std::make_unique<std::string>();
  buffer->reserve(kTypicalFrame);
  // The factory only makes: what it returns belongs to the caller alone. Putting the
  // buffer into the pool as well would hand it to the next get() too, so two
  // callers would write into one buffer.
  return buffer;
});

}  // namespace

std::string frame_greeting(std::string_view user) {
  auto payload = buffers.borrow();
  payload->clear();
  fmt::format_to(std::back_inserter(*payload), "hello, {}", user);

  auto frame = buffers.borrow();
  frame->clear();
  fmt::format_to(std::back_inserter(*frame), "{}:{},", payload->size(), *payload);
  return *frame;
}

}  // namespace netstring
