// harness/cases/20_thumbnail_cache_test.cpp — the scenario of case 20: two images
// go into the thumbnail cache, and their thumbnails come back out.
#include "harness/cases/20_thumbnail_cache.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace {

// A 16 × 8 image whose pixel at (x, y) is `pixel(x, y)`.
template <class Pixel>
thumbs::Image image_of(Pixel pixel) {
  thumbs::Image image{.width = 16, .height = 8, .pixels = {}};
  for (std::size_t y = 0; y < image.height; ++y) {
    for (std::size_t x = 0; x < image.width; ++x) image.pixels.push_back(pixel(x, y));
  }
  return image;
}

// Each image added comes back as its own thumbnail, each pixel a box's average;
// a name never added finds nothing.
TEST(ThumbnailCacheTest, KeepsTheThumbnailOfEachImage) {
  thumbs::ThumbnailCache cache;
  cache.add("stripes", image_of([](std::size_t x, std::size_t) { return x / 4 % 2 ? 200 : 40; }));
  cache.add("ramp", image_of([](std::size_t, std::size_t y) { return 30 * y; }));

  const std::vector<std::uint8_t> stripes = {40, 200, 40, 200, 40, 200, 40, 200,
                                             40, 200, 40, 200, 40, 200, 40, 200};
  const std::vector<std::uint8_t> ramp = {15,  15,  15,  15,  75,  75,  75,  75,
                                          135, 135, 135, 135, 195, 195, 195, 195};
  EXPECT_EQ(cache.find("stripes"), stripes);
  EXPECT_EQ(cache.find("ramp"), ramp);
  EXPECT_EQ(cache.find("unknown"), std::nullopt);
}

}  // namespace
