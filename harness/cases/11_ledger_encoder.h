// harness/cases/11_ledger_encoder.h — case 11: ledger entries encoded as CSV
// lines; an entry that cannot be written as one line is refused with a reason.
#pragma once

#include <string>

namespace ledger {

struct Entry {
  std::string account;
  long cents = 0;
  std::string memo;
};

// The outcome of encoding one entry: the CSV line, or why there is none.
struct Encoded {
  bool ok = false;
  std::string text;  // the line when ok, else the reason it was refused
};

// Encodes `entry` as "account,cents,memo\n".
Encoded encode(const Entry& entry);

}  // namespace ledger
