// 04_ledger_export.cpp — a ledger exporter. Its line encoder keeps a small free
// list of line buffers, so that a long export reuses a few buffers instead of
// allocating one per line.
#include "harness/cases/04_ledger_export.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {
namespace {

// Scratch space for one line of the export; lines are far shorter.
struct LineBuffer {
  std::array<char, 256> chars;
};

// Idle line buffers, owned by the free list until get() hands one out.
class LineBuffers {
 public:
  LineBuffers() = default;
  // The free list owns its buffers, so a copy would own them twice and delete
  // them twice. Like pool::Pool, it can be neither copied nor moved.
  LineBuffers(const LineBuffers&) = delete;
  LineBuffers& operator=(const LineBuffers&) = delete;
  LineBuffers(LineBuffers&&) = delete;
  LineBuffers& operator=(LineBuffers&&) = delete;
  ~LineBuffers() {
    for (LineBuffer* buffer : idle_) delete buffer;
  }

  LineBuffer* get() {
    if (idle_.empty()) return new LineBuffer;
    LineBuffer* buffer = idle_.back();
    idle_.pop_back();
    return buffer;
  }
  void put(LineBuffer* buffer) { idle_.push_back(buffer); }

 private:
  std::vector<LineBuffer*> idle_;
};

class LineEncoder {
 public:
  // One line: the account left-aligned, the amount right-aligned, newline-terminated.
  std::string line(std::string_view account, std::string_view amount) {
    LineBuffer* buffer = buffers_.get();
    const auto written = fmt::format_to_n(buffer->chars.data(), buffer->chars.size(),
                                          "{:<12}{:>11}\n", account, amount);
    std::string text(buffer->chars.data(), std::min(written.size, buffer->chars.size()));
    buffers_.put(buffer);
    return text;
  }

 private:
  LineBuffers buffers_;
};

std::string format_cents(long cents) { return fmt::format("{}.{:02}", cents / 100, cents % 100); }

void write_entries(LineEncoder& encoder, const std::vector<Entry>& entries, std::string& out) {
  for (const Entry& entry : entries) out += encoder.line(entry.account, format_cents(entry.cents));
}

}  // namespace

std::string export_ledger(const std::vector<Entry>& entries) {
  LineEncoder encoder;
  std::string out = encoder.line("account", "amount");
  write_entries(encoder, entries, out);
  return out;
}

}  // namespace ledger
