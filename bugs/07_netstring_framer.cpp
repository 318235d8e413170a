// bugs/07_netstring_framer.cpp — netstring framing. A frame is assembled in a
// byte buffer taken from a pool; every buffer starts with room for a typical
// message, so framing rarely allocates.
#include "harness/cases/07_netstring_framer.h"

#include <fmt/format.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pool/pool.h"

namespace netstring {
namespace {

using Bytes = std::vector<std::byte>;

pool::Pool<Bytes> frame_buffers([] {
  auto buffer = std::make_unique<Bytes>();
  buffer->reserve(1024);
  return buffer;
});

void append(Bytes& out, std::string_view text) {
  const auto* first = reinterpret_cast<const std::byte*>(text.data());
  out.insert(out.end(), first, first + text.size());
}

}  // namespace

std::string frame(std::string_view message) {
  Bytes* buffer = frame_buffers.get();
  append(*buffer, fmt::format_int(message.size()).str());
  append(*buffer, ":");
  append(*buffer, message);
  append(*buffer, ",");
  std::string framed(reinterpret_cast<const char*>(buffer->data()), buffer->size());
  frame_buffers.put(buffer);
  return framed;
}

}  // namespace netstring
