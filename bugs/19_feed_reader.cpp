// 19_feed_reader.cpp — feed entries that arrive deflated, their bodies inflated on
// demand through pooled inflaters, which are costly to set up and cheap to reset.
#define ZLIB_CONST
#include "harness/cases/19_feed_reader.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "pool/pool.h"

namespace feed {
namespace {

// One zlib inflate stream and the read-ahead buffer it inflates into. Making one
// costs zlib's state and 32 KiB window besides the buffer; reset() readies a used
// one for the next entry. Not copyable: the z_stream points into itself.
class Inflater {
 public:
  Inflater() {
    if (inflateInit(&stream_) != Z_OK) throw std::runtime_error("inflateInit failed");
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
  Inflater(Inflater&&) = delete;
  Inflater& operator=(Inflater&&) = delete;
  ~Inflater() { inflateEnd(&stream_); }

  // Starts on the zlib stream `deflated`, which must outlive the reads.
  void reset(std::string_view deflated) {
    if (inflateReset(&stream_) != Z_OK) throw std::runtime_error("inflateReset failed");
    // zlib's C interface reads the characters as bytes.
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
    stream_.next_in = reinterpret_cast<const Bytef*>(deflated.data());
    stream_.avail_in = static_cast<uInt>(deflated.size());
    unread_ = {};
    ended_ = false;
  }

  // Copies up to `n` inflated bytes to `out` and returns how many; 0 at the end.
  std::size_t read(char* out, std::size_t n) {
    if (unread_.empty() && !fill()) return 0;
    n = std::min(n, unread_.size());
    std::ranges::copy(unread_.first(n), out);
    unread_ = unread_.subspan(n);
    return n;
  }

  // The inflated bytes up to the next '\n' (or the end), which is consumed but not returned.
  std::string read_line() {
    std::string line;
    while (!unread_.empty() || fill()) {
      const auto newline = std::ranges::find(unread_, '\n');
      line.append(unread_.begin(), newline);
      if (newline != unread_.end()) {
        unread_ = unread_.subspan(newline - unread_.begin() + 1);
        return line;
      }
      unread_ = {};
    }
    return line;
  }

 private:
  // Inflates the next bytes into the read-ahead buffer; false at the end of the stream.
  bool fill() {
    while (!ended_) {
      stream_.next_out = buffer_.data();
      stream_.avail_out = static_cast<uInt>(buffer_.size());
      const int rc = inflate(&stream_, Z_NO_FLUSH);
      if (rc != Z_OK && rc != Z_STREAM_END) throw std::runtime_error("corrupt feed entry");
      ended_ = rc == Z_STREAM_END;
      unread_ = std::span<const Bytef>(buffer_).first(buffer_.size() - stream_.avail_out);
      if (!unread_.empty()) return true;
    }
    return false;
  }

  z_stream stream_{};
  std::array<Bytef, 16 << 10> buffer_{};
  std::span<const Bytef> unread_;  // the part of buffer_ not read yet
  bool ended_ = false;
};

// An entry's body: the rest of its inflated stream.
class BodySource final : public Source {
 public:
  explicit BodySource(Inflater& inflater) : inflater_(inflater) {}

  std::size_t read(char* out, std::size_t n) override { return inflater_.read(out, n); }

 private:
  Inflater& inflater_;
};

pool::Pool<Inflater> inflaters([] { return std::make_unique<Inflater>(); });

}  // namespace

Entry parse(std::string_view wire) {
  auto inflater = inflaters.borrow();
  inflater->reset(wire);
  Entry entry;
  entry.title = inflater->read_line();
  entry.body = std::make_unique<BodySource>(*inflater);
  return entry;
}

}  // namespace feed
