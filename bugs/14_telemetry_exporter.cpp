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

#include "pool/pool.h"

namespace telemetry {
namespace {

constexpr std::size_t kMaxFrameBytes = 16 << 20;

struct FrameEncoder {
  std::array<char, kMaxFrameBytes> staging;
};

pool::Pool<FrameEncoder> encoders([] { return std::make_unique<FrameEncoder>(); });

}  // namespace

std::string pack_batch(const RowSource& next_row) {
  auto encoder = encoders.borrow();
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
