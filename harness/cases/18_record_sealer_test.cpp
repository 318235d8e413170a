// harness/cases/18_record_sealer_test.cpp — a service seals records in bursts.
#include "harness/cases/18_record_sealer.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace {

// Records and their seals, the checksums as zlib computes them.
const std::vector<std::pair<std::string, std::string>> kSealed = {
    {"hello", "hello#3610a686"},
    {"", "#00000000"},
    {"order 1042 shipped", "order 1042 shipped#1d40c251"},
    {"invoice 7 paid", "invoice 7 paid#14a0f007"},
    {"The quick brown fox jumps over the lazy dog",
     "The quick brown fox jumps over the lazy dog#414fa339"},
};

}  // namespace

// Ten bursts of records, the service idle between them. Each record is sealed right, and a
// burst after an idle spell costs no more than the first did: the table metric stays put.
TEST(SealingTest, LaterBurstsCostNoMoreThanTheFirst) {
  constexpr int kBursts = 10;
  int records = 0;
  for (int burst = 0; burst < kBursts; ++burst) {
    for (const auto& [record, sealed] : kSealed) {
      EXPECT_EQ(sealing::seal(record), sealed);
      ++records;
    }
    sealing::idle();  // traffic stops for a while
  }
  const std::size_t built = sealing::crc_tables_built();
  EXPECT_EQ(built, 1u) << "sealing " << records << " records in " << kBursts
                       << " bursts built the CRC-32 table " << built << " times";
}
