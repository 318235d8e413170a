// 14_telemetry_exporter.cpp — packs telemetry batches into frames. A frame may take
// up to 16 MiB, and each is staged whole in the fixed staging area of a frame
// encoder before it is copied out.
#include "harness/cases/14_telemetry_exporter.h"

#include <fmt/core.h>

#include <array>
#include <cstddef>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>

namespace telemetry {
namespace {

constexpr std::size_t kMaxFrameBytes = 16 << 20;

struct FrameEncoder {
  std::array<char, kMaxFrameBytes> staging;
};

}  // namespace

std::string pack_batch(const RowSource& next_row) {
  // Not pooled: a pool keeps an idle encoder per thread that used one, and
  // each survives a collection in the victim tier, 16 MiB apiece. Allocated
  // per batch, an encoder's memory goes back as soon as the frame is out.
  auto encoder = std::make_unique_for_overwrite<FrameEncoder>();
  std::size_t used = 0;
  int rows = 0;
  std::string row;
  while (next_row(row)) {
    if (used + row.size() + 1 > kMaxFrameBytes) {
      throw std::length_error(fmt::format("batch exceeds a frame at row {}", rows));
    }
    std::memcpy(encoder->staging.data() + used, row.data(), row.size());
    used += row.size();
    encoder->staging[used++] = '\n';
    ++rows;
  }
  std::string frame = fmt::format("{} rows\n", rows);
  frame.append(encoder->staging.data(), used);
  return frame;
}

}  // namespace telemetry
