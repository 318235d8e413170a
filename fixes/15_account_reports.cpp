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
  // The helper thread writes into a buffer of its own: this thread clears it
  // before the helper starts and reads it only after join(). A std::string
  // takes one writer at a time, and a pooled one is no exception.
  auto detail_text = text_buffers.borrow();
  detail_text->clear();
  std::thread details_writer([&] {
    for (std::string line; details(line);) *detail_text += line + '\n';
  });
  report->clear();
  for (std::string line; summary(line);) *report += line + '\n';
  details_writer.join();
  *report += *detail_text;
  return *report;
}

}  // namespace reports
