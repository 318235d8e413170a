// 11_ledger_encoder.cpp — exports ledger entries as CSV lines, built in pooled
// line buffers. A memo is written as it stands, so one holding a comma or a
// line break would split the line: such an entry is refused with a reason.
#include "harness/cases/11_ledger_encoder.h"

#include <fmt/core.h>

#include <iterator>
#include <string>

#include "pool/pool.h"

namespace ledger {
namespace {

pool::Pool<std::string> line_buffers(pool::make_new<std::string>);

}  // namespace

Encoded encode(const Entry& entry) {
  // The lease puts the buffer back on every way out of this function, the
  // early return for a refused entry included.
  auto line = line_buffers.borrow();
  line->clear();
  fmt::format_to(std::back_inserter(*line), "{},{},", entry.account, entry.cents);
  for (char c : entry.memo) {
    if (c == ',' || c == '\n') {
      return {false, fmt::format("entry for {}: the memo holds a {}", entry.account,
                                 c == ',' ? "comma" : "line break")};
    }
    line->push_back(c);
  }
  line->push_back('\n');
  Encoded encoded{true, *line};
  return encoded;
}

}  // namespace ledger
