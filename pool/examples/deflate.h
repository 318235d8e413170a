// pool/examples/deflate.h — a pool of zlib deflate streams (DeflaterPool),
// the object that is expensive to make and cheap to reset, next to the same
// compression without a pool (deflate_fresh) and its inverse (gunzip).
#pragma once

#include <zlib.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "pool/pool.h"

namespace pool::examples {

// One gzip deflate stream. Setting one up (deflateInit2) allocates about
// 256 KiB of window, hash chains and pending buffer; deflateReset makes a used
// one as good as new without touching the allocator. Not copyable: the
// z_stream points into itself.
class Deflater {
 public:
  explicit Deflater(int level = Z_DEFAULT_COMPRESSION) {
    // 15 + 16: a 32 KiB window and a gzip header and trailer.
    if (deflateInit2(&stream_, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
      throw std::runtime_error("deflateInit2 failed");
  }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;
  ~Deflater() { deflateEnd(&stream_); }

  // Replaces `out` with the gzip compression of `in`. A stream used before
  // is reset first: the pooled object is reset after get, not trusted.
  void compress(std::string_view in, std::string& out) {
    if (used_ && deflateReset(&stream_) != Z_OK) throw std::runtime_error("deflateReset failed");
    used_ = true;
    // One deflate() call with Z_FINISH completes when the output has room for
    // deflateBound() bytes.
    out.resize(deflateBound(&stream_, static_cast<uLong>(in.size())));
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    stream_.avail_in = static_cast<uInt>(in.size());
    stream_.next_out = reinterpret_cast<Bytef*>(out.data());
    stream_.avail_out = static_cast<uInt>(out.size());
    if (deflate(&stream_, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate failed");
    out.resize(out.size() - stream_.avail_out);
  }

 private:
  z_stream stream_{};
  bool used_ = false;
};

// Lends Deflaters, so that compressing many bodies pays for the set-up once
// per thread instead of once per body. The output is a complete gzip member.
//
// Example:
//
//   pool::examples::DeflaterPool deflaters;
//   std::string body = render_page();
//   std::string gz;
//   deflaters.compress(body, gz);  // gz holds the gzip member
//   assert(pool::examples::gunzip(gz) == body);
class DeflaterPool {
 public:
  void compress(std::string_view in, std::string& out) { deflaters_.borrow()->compress(in, out); }

  Stats stats() const { return deflaters_.stats(); }

 private:
  Pool<Deflater> deflaters_{make_new<Deflater>};
};

// The same compression with a stream set up and torn down for this call only.
inline void deflate_fresh(std::string_view in, std::string& out) { Deflater().compress(in, out); }

// Decompresses one gzip member (or zlib stream); throws if it is corrupt.
inline std::string gunzip(std::string_view in) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 32) != Z_OK) throw std::runtime_error("inflateInit2 failed");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  stream.avail_in = static_cast<uInt>(in.size());
  std::string out;
  int rc = Z_OK;
  while (rc == Z_OK) {
    char chunk[16384];
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof chunk;
    rc = inflate(&stream, Z_NO_FLUSH);
    out.append(chunk, sizeof chunk - stream.avail_out);
  }
  inflateEnd(&stream);
  if (rc != Z_STREAM_END) throw std::runtime_error("gunzip: corrupt or truncated input");
  return out;
}

}  // namespace pool::examples
