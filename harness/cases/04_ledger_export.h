// harness/cases/04_ledger_export.h — case 04: a ledger exporter that writes
// accounts and amounts as aligned text lines.
#pragma once

#include <string>
#include <vector>

namespace ledger {

struct Entry {
  std::string account;
  long cents;  // not negative
};

// Returns the export of `entries`: a header line, then one line per entry.
std::string export_ledger(const std::vector<Entry>& entries);

}  // namespace ledger
