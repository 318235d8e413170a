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

pool::Pool<std::string> body_buffers([] { return std::make_unique<std::string>(); });

// Appends what is left in `in` to `out`, a chunk at a time.
void read_body(std::istream& in, std::string& out) {
  std::array<char, std::size_t{16} * 1024> chunk{};
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    out.append(chunk.data(), in.gcount());
  }
}

}  // namespace

Response receive(std::istream& body) {
  auto buffer = body_buffers.borrow();
  buffer->clear();
  read_body(body, *buffer);
  const auto lines = std::count(buffer->begin(), buffer->end(), '\n');
  return {200, fmt::format("received {} bytes, {} lines", buffer->size(), lines)};
}

}  // namespace uploads
