// harness/cases/05_telemetry_parser.h — case 05: a telemetry parser that
// summarises payloads of sensor readings as they arrive.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace telemetry {

// What a payload held.
struct Summary {
  std::size_t readings = 0;
  long long median = 0;  // the median value (the upper one of an even count)
};

// Parses a payload of newline-terminated "sensor=value" lines. Payloads come
// shared, as the network layer hands them to several consumers.
Summary parse(std::shared_ptr<const std::string> payload);

}  // namespace telemetry
