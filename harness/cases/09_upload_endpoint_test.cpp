// harness/cases/09_upload_endpoint_test.cpp — ordinary uploads, then a flood
// of large ones, and the heap the server keeps afterwards.
#include "harness/cases/09_upload_endpoint.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <latch>
#include <sstream>
#include <streambuf>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "harness/support/heap.h"

namespace {

constexpr int kUploads = 8;
constexpr std::size_t kMiB = 1 << 20;
constexpr std::size_t kUploadBytes = 2 * kMiB;
constexpr std::size_t kIdleHeapBudget = 2 * kMiB;

// A request body sent by a slow client: its first read waits until every
// upload of the flood has started, so that all of them are in flight at once.
class SlowBody : public std::streambuf {
 public:
  SlowBody(std::string_view data, std::latch& all_started)
      : data_(data), all_started_(all_started) {}

 protected:
  int_type underflow() override {
    if (sent_) return traits_type::eof();
    sent_ = true;
    all_started_.arrive_and_wait();
    char* first = const_cast<char*>(data_.data());  // the get area is only read
    setg(first, first, first + data_.size());
    return traits_type::to_int_type(*first);
  }

 private:
  std::string_view data_;
  std::latch& all_started_;
  bool sent_ = false;
};

// An ordinary upload is answered with its size and line count.
TEST(UploadServerTest, AnswersAnOrdinaryUpload) {
  std::istringstream body("first line\nsecond line\n");
  const uploads::Response response = uploads::receive(body);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.message, "received 23 bytes, 2 lines");
}

// After a flood of large uploads the idle server must not keep megabytes for them.
TEST(UploadServerTest, FloodOfLargeUploadsLeavesHeapWithinBudget) {
  std::string line(63, 'x');
  line += '\n';
  std::string upload;
  while (upload.size() < kUploadBytes) upload += line;
  std::latch all_started(kUploads);
  std::vector<std::thread> clients;
  clients.reserve(kUploads);

  const std::size_t before = harness::heap_bytes_in_use();
  for (int i = 0; i < kUploads; ++i) {
    clients.emplace_back([&] {
      SlowBody slow(upload, all_started);
      std::istream body(&slow);
      uploads::receive(body);
    });
  }
  for (std::thread& client : clients) client.join();
  const std::size_t after = harness::heap_bytes_in_use();

  const std::size_t held = after > before ? after - before : 0;
  RecordProperty("held_bytes", std::to_string(held));
  EXPECT_LE(held, kIdleHeapBudget) << fmt::format(
      "after {} uploads of {} MiB the idle server still holds {:.1f} MiB of heap (budget {} MiB)",
      kUploads, kUploadBytes / kMiB, double(held) / kMiB, kIdleHeapBudget / kMiB);
}

}  // namespace
