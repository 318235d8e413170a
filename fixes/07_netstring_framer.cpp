// 07_netstring_framer.cpp — netstring framing for a connection that takes a few
// bytes at a time. Frames come from a pool and wait in a queue until sent.
#include "harness/cases/07_netstring_framer.h"

#include <fmt/format.h>

#include <cstddef>
#include <deque>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "pool/pool.h"

namespace netstring {
namespace {

// One frame on its way out: the netstring, and how much of it the connection
// has taken so far.
struct Frame {
  std::string bytes;
  std::size_t sent = 0;

  // Back to an empty frame with nothing sent, every field at once; the string
  // keeps its capacity, which is what pooling frames saves.
  void reset() {
    bytes.clear();
    sent = 0;
  }
};

pool::Pool<Frame> frames([] { return std::make_unique<Frame>(); });
std::deque<pool::Lease<Frame>> outgoing;  // oldest first; a frame goes back once sent

}  // namespace

void queue(std::string_view message) {
  pool::Lease<Frame> frame = frames.borrow();
  frame->reset();  // a pooled frame comes back as it was put: sent to its end
  fmt::format_to(std::back_inserter(frame->bytes), "{}:{},", message.size(), message);
  outgoing.push_back(std::move(frame));
}

bool flush(const Connection& connection) {
  while (!outgoing.empty()) {
    Frame& frame = *outgoing.front();
    while (frame.sent < frame.bytes.size()) {
      const std::size_t taken = connection(std::string_view(frame.bytes).substr(frame.sent));
      if (taken == 0) return false;  // no room: the rest goes at the next flush
      frame.sent += taken;
    }
    outgoing.pop_front();
  }
  return true;
}

}  // namespace netstring
