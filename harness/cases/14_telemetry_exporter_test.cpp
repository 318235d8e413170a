// harness/cases/14_telemetry_exporter_test.cpp — the scenario of case 14: a burst of
// concurrent batches, then a quiet exporter and one collection cycle, and the
// heap the exporter keeps afterwards.
#include "harness/cases/14_telemetry_exporter.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "harness/support/heap.h"
#include "pool/pool.h"

namespace {

constexpr int kBatches = 4;
constexpr int kRowsPerBatch = 3;
constexpr std::size_t kMiB = 1 << 20;
constexpr std::size_t kIdleHeapBudget = 16 * kMiB;  // what one frame in flight may take

// After a burst of batches and one collection cycle the exporter keeps at most
// one frame's worth of heap; every batch meanwhile gets its own frame.
TEST(TelemetryExporterTest, BurstOfBatchesLeavesHeapWithinBudget) {
  std::latch all_started(kBatches);  // the first row of every batch waits for the others
  std::vector<std::string> frames(kBatches);
  std::vector<std::thread> exporters;
  exporters.reserve(kBatches);

  const std::size_t before = harness::heap_bytes_in_use();
  for (int b = 0; b < kBatches; ++b) {
    exporters.emplace_back([&, b] {
      int sent = 0;
      frames[b] = telemetry::pack_batch([&](std::string& row) {
        if (sent == 0) all_started.arrive_and_wait();
        if (sent == kRowsPerBatch) return false;
        row = fmt::format("host{} cpu={}", b, 10 * b + sent++);
        return true;
      });
    });
  }
  for (std::thread& exporter : exporters) exporter.join();
  pool::collect();  // a collection cycle passes while the exporter is quiet
  const std::size_t after = harness::heap_bytes_in_use();

  for (int b = 0; b < kBatches; ++b) {
    EXPECT_EQ(frames[b], fmt::format("3 rows\nhost{0} cpu={1}\nhost{0} cpu={2}\nhost{0} cpu={3}\n",
                                     b, 10 * b, 10 * b + 1, 10 * b + 2));
  }
  const std::size_t held = after > before ? after - before : 0;
  EXPECT_LE(held, kIdleHeapBudget) << fmt::format(
      "after a burst of {} batches and one collection cycle the quiet exporter still holds "
      "{:.1f} MiB of heap (budget {} MiB)",
      kBatches, double(held) / kMiB, kIdleHeapBudget / kMiB);
}

}  // namespace
