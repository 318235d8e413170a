// 09_upload_endpoint.cpp — an upload endpoint. Each request body is read
// into a string borrowed from a pool of body buffers, whose capacity the next
// request reuses; the reply says how many bytes and lines arrived.
#include "harness/cases/09_upload_endpoint.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <istream>
#include <memory>
#include <string>

#include "pool/pool.h"

namespace uploads {
namespace {

// Larger bodies are refused. Unbounded, every huge request would grow a pooled
// buffer to its size, and the pool would keep that capacity while it idles.
constexpr std::size_t kMaxBodyBytes = std::size_t{64} * 1024;

// A buffer grown past the limit (one that held a refused body) is deleted when
// it is put back, not kept: the pool keeps only what an accepted body needs.
pool::Pool<std::string> body_buffers([] { return std::make_unique<std::string>(); },
                                     {.accept = [](const std::string& body) {
                                       return body.capacity() <= kMaxBodyBytes;
                                     }});

// Appends what is left in `in` to `out`, a chunk at a time.
// Stops and returns false as soon as `out` holds more than `limit` bytes.
bool read_body(std::istream& in, std::string& out, std::size_t limit) {
  std::array<char, std::size_t{16} * 1024> chunk{};
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    out.append(chunk.data(), in.gcount());
    if (out.size() > limit) return false;
  }
  return true;
}

}  // namespace

Response receive(std::istream& body) {
  auto buffer = body_buffers.borrow();
  buffer->clear();
  if (!read_body(body, *buffer, kMaxBodyBytes)) {
    return {413, fmt::format("request body over the {} KiB limit", kMaxBodyBytes / 1024)};
  }
  const auto lines = std::count(buffer->begin(), buffer->end(), '\n');
  return {200, fmt::format("received {} bytes, {} lines", buffer->size(), lines)};
}

}  // namespace uploads
