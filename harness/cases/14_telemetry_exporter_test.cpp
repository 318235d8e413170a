// harness/cases/14_telemetry_exporter_test.cpp — the scenario of case 14: a burst of
// concurrent batches, then a quiet exporter, and the heap it keeps meanwhile.
#include "harness/cases/14_telemetry_exporter.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "harness/support/heap.h"

namespace {

constexpr int kBatches = 4;
constexpr int kRowsPerBatch = 3;
constexpr std::size_t kMiB = 1 << 20;
// One encoder kept warm, and change: what a quiet exporter may hold.
constexpr std::size_t kIdleHeapBudget = 17 * kMiB;

// Every batch of a burst gets its own frame, once the burst is over the quiet
// exporter holds no more than one frame encoder's worth of heap, and the next
// batch is framed right.
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
  const std::size_t after = harness::heap_bytes_in_use();

  for (int b = 0; b < kBatches; ++b) {
    EXPECT_EQ(frames[b], fmt::format("3 rows\nhost{0} cpu={1}\nhost{0} cpu={2}\nhost{0} cpu={3}\n",
                                     b, 10 * b, 10 * b + 1, 10 * b + 2));
  }
  const std::size_t held = after > before ? after - before : 0;
  EXPECT_LE(held, kIdleHeapBudget) << fmt::format(
      "after a burst of {} concurrent batches the quiet exporter still holds {:.1f} MiB of heap "
      "(budget {} MiB)",
      kBatches, double(held) / kMiB, kIdleHeapBudget / kMiB);

  // Traffic comes back: the next batch is framed as well.
  int sent = 0;
  const std::string next = telemetry::pack_batch([&](std::string& row) {
    if (sent == 2) return false;
    row = fmt::format("host9 cpu={}", ++sent);
    return true;
  });
  EXPECT_EQ(next, "2 rows\nhost9 cpu=1\nhost9 cpu=2\n");
}

}  // namespace
