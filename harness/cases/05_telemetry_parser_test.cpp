// harness/cases/05_telemetry_parser_test.cpp — the scenario of case 05: large
// payloads arrive one after another; each is parsed, then dropped by its caller.
#include "harness/cases/05_telemetry_parser.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <iterator>
#include <memory>
#include <string>
#include <utility>

namespace {

constexpr long long kReadingsPerPayload = 1 << 15;  // about half a MiB of text

// Readings 0, 1, ..., kReadingsPerPayload - 1 plus `offset`, from rotating sensors.
std::shared_ptr<const std::string> make_payload(long long offset) {
  std::string text;
  for (long long i = 0; i < kReadingsPerPayload; ++i)
    fmt::format_to(std::back_inserter(text), "sensor-{}={}\n", i % 16, offset + i);
  return std::make_shared<const std::string>(std::move(text));
}

// A payload is freed once its parse has returned and its caller has dropped it.
TEST(TelemetryParseTest, PayloadIsFreedOnceParsedAndDropped) {
  for (int request = 1; request <= 3; ++request) {
    std::shared_ptr<const std::string> payload = make_payload(request * 1000);
    const std::size_t kib = payload->size() / 1024;
    const std::weak_ptr<const std::string> watch = payload;

    const telemetry::Summary summary = telemetry::parse(payload);
    EXPECT_EQ(summary.readings, static_cast<std::size_t>(kReadingsPerPayload));
    EXPECT_EQ(summary.median, request * 1000 + kReadingsPerPayload / 2);

    payload.reset();
    EXPECT_TRUE(watch.expired()) << fmt::format(
        "the payload of request {} ({} KiB) is still alive after parse returned and its caller "
        "dropped it ({} owner left)",
        request, kib, watch.use_count());
  }
}

}  // namespace
