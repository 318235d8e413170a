// harness/bughunt/report_json.h — the report model as JSON, for tools
// (`bughunt run --json`, `bughunt read --json`). Field for field what
// report.h holds; enums by their name() ("data race", "previous access").
//
// Example:
//
//   fmt::print("{}\n", reports_json(reports).dump(2));
//   // [{"kind": "data race", "source": "sanitizer", "stacks": [{"role": "access", ...
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "harness/bughunt/report.h"

namespace bughunt {

nlohmann::json report_json(const Report& r);

// The reports, in order, as a JSON array.
nlohmann::json reports_json(const std::vector<Report>& reports);

}  // namespace bughunt
