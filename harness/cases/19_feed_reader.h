// harness/cases/19_feed_reader.h — case 19: feed entries that arrive deflated,
// their bodies inflated only when read.
//
// An entry on the wire is one zlib stream; inflated, it is a title line,
// "<title>\n", then the body. parse() inflates the title at once and hands back
// the body as a source to read from when the caller wants it, so a body that
// nobody reads is never inflated.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace feed {

// Bytes read in order, a few at a time.
class Source {
 public:
  virtual ~Source() = default;
  // Copies up to `n` bytes to `out` and returns how many; 0 means the end.
  virtual std::size_t read(char* out, std::size_t n) = 0;
};

struct Entry {
  std::string title;
  std::unique_ptr<Source> body;
};

// Parses one entry from `wire`, which must outlive it: the body is inflated from there.
Entry parse(std::string_view wire);

// Reads what is left of `source`.
inline std::string read_all(Source& source) {
  std::string all;
  char chunk[256];
  while (const std::size_t n = source.read(chunk, sizeof chunk)) all.append(chunk, n);
  return all;
}

}  // namespace feed
