// pool/examples/json_encoder.h — a pool of JSON encoders over nlohmann::json
// (JsonEncoderPool), the C++ shape of Go's json.Encoder over a bytes.Buffer.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>

#include "pool/pool.h"

namespace pool::examples {

// One encoder: a string stream that nlohmann::json writes into, whose buffer
// keeps its capacity from one encode() to the next.
class JsonEncoder {
 public:
  // Encodes v and a newline, and returns a copy of the bytes. Throws what
  // nlohmann::json throws (e.g. on invalid UTF-8); the encoder stays usable.
  std::string encode(const nlohmann::json& v) {
    // Empty the stream but keep its buffer: take the string out, clear it
    // (which keeps its capacity), give it back.
    std::string buffer = std::move(stream_).str();
    buffer.clear();
    stream_.str(std::move(buffer));
    stream_.clear();
    stream_ << v << '\n';
    return std::string(stream_.view());  // copied out, never aliased
  }

 private:
  std::ostringstream stream_;
};

// Lends JsonEncoders to to_json(v), which returns the encoding of v followed
// by a newline, as Go's Encoder.Encode does. The bytes are copied out of the
// pooled buffer before it goes back; returning a view into it instead would
// hand the caller memory that the next to_json overwrites (case 8, view after
// put, is that bug).
//
// Example:
//
//   pool::examples::JsonEncoderPool encoders;
//   std::string line = encoders.to_json(nlohmann::json{{"x", 1}});  // "{\"x\":1}\n"
//   write(fd, line.data(), line.size());
class JsonEncoderPool {
 public:
  std::string to_json(const nlohmann::json& v) { return encoders_.borrow()->encode(v); }

  Stats stats() const { return encoders_.stats(); }

 private:
  Pool<JsonEncoder> encoders_{make_new<JsonEncoder>};
};

}  // namespace pool::examples
