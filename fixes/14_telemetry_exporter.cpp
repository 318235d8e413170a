// 14_telemetry_exporter.cpp — packs telemetry batches into frames of up to 16 MiB,
// each staged whole in the fixed staging area of a reused frame encoder.
#include "harness/cases/14_telemetry_exporter.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>

#include "pool/bounded_pool.h"

namespace telemetry {
namespace {

constexpr std::size_t kMaxFrameBytes = 16 << 20;

struct FrameEncoder {
  std::array<char, kMaxFrameBytes> staging;
};

// At most one idle encoder. A pool::Pool would keep every encoder a burst of
// concurrent batches made, 16 MiB apiece; the bound deletes the extra ones as
// they come back, and a quiet exporter keeps one warm.
pool::BoundedPool<FrameEncoder> encoders(1, [] { return std::make_unique<FrameEncoder>(); });

}  // namespace

std::string pack_batch(const RowSource& next_row) {
  auto encoder = encoders.borrow();
  const std::span<char> staging(encoder->staging);
  std::size_t used = 0;
  int rows = 0;
  std::string row;
  while (next_row(row)) {
    if (used + row.size() + 1 > staging.size()) {
      throw std::length_error(fmt::format("batch exceeds a frame at row {}", rows));
    }
    std::ranges::copy(row, staging.subspan(used).begin());
    used += row.size();
    staging[used++] = '\n';
    ++rows;
  }
  std::string frame = fmt::format("{} rows\n", rows);
  frame.append(staging.data(), used);
  return frame;
}

}  // namespace telemetry
