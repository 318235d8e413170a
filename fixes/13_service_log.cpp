// 13_service_log.cpp — an in-memory service log. Lines are formatted in
// pooled buffers, so that a busy service does not allocate one per line, and
// the pool notes in the log each time it has to allocate a new buffer.
#include "harness/cases/13_service_log.h"

#include <fmt/format.h>

#include <iterator>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "pool/pool.h"

namespace servicelog {
namespace {

std::mutex log_mu;
std::vector<std::string> log_lines;  // guarded by log_mu

void append_line(std::string line) {
  std::lock_guard lock(log_mu);
  log_lines.push_back(std::move(line));
}

pool::Pool<fmt::memory_buffer> line_buffers([] {
  // Straight to the log: write() formats in a buffer from this very pool, and
  // on a miss that calls this factory again, without end.
  append_line("DEBUG line buffer pool: allocating a buffer");
  return std::make_unique<fmt::memory_buffer>();
});

}  // namespace

void write(std::string_view level, std::string_view message) {
  auto buffer = line_buffers.borrow();
  buffer->clear();
  fmt::format_to(std::back_inserter(*buffer), "{:<5} {}", level, message);
  append_line(fmt::to_string(*buffer));
}

std::vector<std::string> lines() {
  std::lock_guard lock(log_mu);
  return log_lines;
}

}  // namespace servicelog
