// 19_feed_reader.cpp — feed entries whose bodies are read on demand.
//
// Parsing reads through a pooled ByteReader, reset for each entry's bytes.
#include "harness/cases/19_feed_reader.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "pool/pool.h"

namespace feed {
namespace {

// Reads bytes held elsewhere, from the front; reset() points it at new bytes.
class ByteReader final : public Source {
 public:
  void reset(std::string_view bytes) {
    bytes_ = bytes;
    offset_ = 0;
  }

  std::size_t read(char* out, std::size_t n) override {
    n = bytes_.copy(out, n, offset_);
    offset_ += n;
    return n;
  }

  // The bytes up to the next '\n' (or the end), which is consumed but not returned.
  std::string_view read_line() {
    const std::string_view rest = bytes_.substr(offset_);
    const std::size_t end = std::min(rest.find('\n'), rest.size());
    offset_ += std::min(end + 1, rest.size());
    return rest.substr(0, end);
  }

 private:
  std::string_view bytes_;
  std::size_t offset_ = 0;
};

// An entry's body: at most its declared length, read from where the header ended.
class BodySource final : public Source {
 public:
  BodySource(const ByteReader& rest, std::size_t length) : rest_(rest), left_(length) {}

  std::size_t read(char* out, std::size_t n) override {
    const std::size_t got = rest_.read(out, std::min(n, left_));
    left_ -= got;
    return got;
  }

 private:
  // A copy of the reader, positioned where the header ended. The parser's reader goes back
  // to the pool when parse() returns and is reset for the next entry: a body that kept it
  // would read the next entry's bytes.
  ByteReader rest_;
  std::size_t left_;
};

pool::Pool<ByteReader> readers([] { return std::make_unique<ByteReader>(); });

}  // namespace

Entry parse(std::string_view wire) {
  auto reader = readers.borrow();
  reader->reset(wire);

  const std::string_view header = reader->read_line();
  const std::size_t space = header.rfind(' ');
  std::size_t length = 0;
  if (space == std::string_view::npos ||
      std::from_chars(header.data() + space + 1, header.data() + header.size(), length).ec !=
          std::errc()) {
    throw std::invalid_argument("feed entry without a body length");
  }

  Entry entry;
  entry.title = header.substr(0, space);
  entry.body = std::make_unique<BodySource>(*reader, length);
  return entry;
}

}  // namespace feed
