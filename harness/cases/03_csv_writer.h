// harness/cases/03_csv_writer.h — case 03: a CSV writer that turns a
// row of fields into one line of text.
#pragma once

#include <string>
#include <vector>

namespace csv {

// Joins `fields` with commas; a field holding a comma, a quote or a newline is
// quoted, its quotes doubled (RFC 4180).
std::string encode_row(const std::vector<std::string>& fields);

}  // namespace csv
