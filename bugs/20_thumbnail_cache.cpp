// 20_thumbnail_cache.cpp — a cache of image thumbnails, each kept deflated, through
// Recycler<T>, the service's typed helper over pool::Pool<T>.
#define ZLIB_CONST
#include "harness/cases/20_thumbnail_cache.h"

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pool/pool.h"

namespace thumbs {
namespace {

// Lends objects from a pool::Pool<T>, each passed through `reset` before the
// borrower sees it, so that no borrower forgets to reset.
template <class T>
class Recycler {
 public:
  using Make = std::function<std::unique_ptr<T>()>;
  using Reset = std::function<void(T&)>;

  // Misses are filled by `make`, by default a default-constructed T.
  explicit Recycler(
      Reset reset, Make make = [] { return std::make_unique<T>(); })
      : reset_(std::move(reset)), objects_(std::move(make)) {}

  pool::Lease<T> borrow() {
    pool::Lease<T> object = objects_.borrow();
    reset_(*object);
    return object;
  }

 private:
  Reset reset_;
  pool::Pool<T> objects_;
};

void check(int rc) {
  if (rc != Z_OK && rc != Z_STREAM_END)
    throw std::runtime_error(std::string("zlib: ") + zError(rc));
}

// A zlib deflate stream behind a handle, so that a Deflater can move (a
// z_stream points into itself). Deflater() is an empty handle, as a moved-from
// one is; Deflater(level) sets a stream up, some 256 KiB of window and tables.
class Deflater {
 public:
  Deflater() = default;
  explicit Deflater(int level) : stream_(new z_stream()) {
    check(deflateInit(stream_.get(), level));
  }

  void reset() { check(deflateReset(stream_.get())); }

  // The zlib stream of `in`.
  std::vector<std::uint8_t> deflate(const std::vector<std::uint8_t>& in) {
    std::vector<std::uint8_t> out(deflateBound(stream_.get(), in.size()));
    stream_->next_in = in.data();
    stream_->avail_in = static_cast<uInt>(in.size());
    stream_->next_out = out.data();
    stream_->avail_out = static_cast<uInt>(out.size());
    check(::deflate(stream_.get(), Z_FINISH));
    out.resize(out.size() - stream_->avail_out);
    return out;
  }

 private:
  struct End {
    void operator()(z_stream* stream) const {
      deflateEnd(stream);
      std::default_delete<z_stream>()(stream);
    }
  };
  std::unique_ptr<z_stream, End> stream_;
};

Recycler<Deflater> deflaters([](Deflater& d) { d.reset(); });

// Each thumbnail pixel is the average of a box of the image's.
std::vector<std::uint8_t> shrink(const Image& image) {
  const std::size_t box_width = image.width / kSide;
  const std::size_t box_height = image.height / kSide;
  std::vector<std::uint8_t> thumb;
  thumb.reserve(kSide * kSide);
  for (std::size_t ty = 0; ty < kSide; ++ty) {
    for (std::size_t tx = 0; tx < kSide; ++tx) {
      std::size_t sum = 0;
      for (std::size_t y = ty * box_height; y < (ty + 1) * box_height; ++y) {
        for (std::size_t x = tx * box_width; x < (tx + 1) * box_width; ++x) {
          sum += image.pixels[y * image.width + x];
        }
      }
      thumb.push_back(static_cast<std::uint8_t>(sum / (box_width * box_height)));
    }
  }
  return thumb;
}

}  // namespace

void ThumbnailCache::add(const std::string& name, const Image& image) {
  deflated_[name] = deflaters.borrow()->deflate(shrink(image));
}

std::optional<std::vector<std::uint8_t>> ThumbnailCache::find(std::string_view name) const {
  const auto kept = deflated_.find(name);
  if (kept == deflated_.end()) return std::nullopt;
  std::vector<std::uint8_t> thumb(kSide * kSide);
  uLongf size = thumb.size();
  check(uncompress(thumb.data(), &size, kept->second.data(), kept->second.size()));
  if (size != thumb.size()) throw std::runtime_error("a kept thumbnail lost pixels");
  return thumb;
}

}  // namespace thumbs
