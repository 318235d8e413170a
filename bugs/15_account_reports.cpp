// 15_account_reports.cpp — renders account reports into pooled text
// buffers. The details come from a slow store, so a helper thread fetches and
// writes them while the calling thread writes the summary.
#include "harness/cases/15_account_reports.h"

#include <memory>
#include <string>
#include <thread>

#include "pool/pool.h"

namespace reports {
namespace {

pool::Pool<std::string> text_buffers([] { return std::make_unique<std::string>(); });

// Appends every line of `next_line` to `out`, each ending in '\n'.
void write_lines(std::string& out, const LineSource& next_line) {
  std::string line;
  while (next_line(line)) {
    out += line;
    out += '\n';
  }
}

}  // namespace

std::string render(const LineSource& summary, const LineSource& details) {
  auto report = text_buffers.borrow();
  std::thread details_writer([&] { write_lines(*report, details); });
  report->clear();
  write_lines(*report, summary);
  details_writer.join();
  return *report;
}

}  // namespace reports
