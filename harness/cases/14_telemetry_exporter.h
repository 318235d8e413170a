// harness/cases/14_telemetry_exporter.h — case 14: a telemetry exporter that packs
// batches of sample rows into frames for the collector.
#pragma once

#include <functional>
#include <string>

namespace telemetry {

// Stores the next row of a batch in `row` and returns true, or returns false
// when the batch has no more rows.
using RowSource = std::function<bool(std::string& row)>;

// Packs every row of a batch into one frame: "<n> rows\n", then each row on a
// line of its own.
std::string pack_batch(const RowSource& next_row);

}  // namespace telemetry
