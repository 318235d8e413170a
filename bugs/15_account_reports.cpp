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

}  // namespace

std::string render(const LineSource& summary, const LineSource& details) {
  auto report = text_buffers.borrow();
  std::thread details_writer([&] {
    for (std::string line; details(line);) *report += line + '\n';
  });
  report->clear();
  for (std::string line; summary(line);) *report += line + '\n';
  details_writer.join();
  return *report;
}

}  // namespace reports
