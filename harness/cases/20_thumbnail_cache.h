// harness/cases/20_thumbnail_cache.h — case 20: a cache of image thumbnails, each
// kept deflated to save memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace thumbs {

// A greyscale image, one byte a pixel, row by row.
struct Image {
  std::size_t width = 0;
  std::size_t height = 0;
  std::vector<std::uint8_t> pixels;
};

// A thumbnail is kSide × kSide pixels.
inline constexpr std::size_t kSide = 4;

class ThumbnailCache {
 public:
  // Shrinks `image`, whose sides are multiples of kSide, to its thumbnail and
  // keeps that under `name`.
  void add(const std::string& name, const Image& image);

  // The thumbnail kept under `name`, row by row, or nothing.
  std::optional<std::vector<std::uint8_t>> find(std::string_view name) const;

 private:
  std::map<std::string, std::vector<std::uint8_t>, std::less<>> deflated_;
};

}  // namespace thumbs
