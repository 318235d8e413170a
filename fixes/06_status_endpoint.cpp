// 06_status_endpoint.cpp — a status endpoint. Each reply is rendered in a
// string taken from a pool of idle reply buffers, so that a busy endpoint
// reuses their capacity instead of allocating per request.
#include "harness/cases/06_status_endpoint.h"

#include <fmt/core.h>

#include <any>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "pool/any_pool.h"

namespace status {
namespace {

// Idle reply buffers, each a std::string held by value.
// Without a factory, get() on an empty pool returns an empty std::any, and
// any_cast of its address is nullptr. The factory makes a buffer on a miss.
pool::AnyPool reply_buffers([] { return std::any(std::string()); });

}  // namespace

std::string respond(std::string_view path) {
  std::any held = reply_buffers.get();
  auto* reply = std::any_cast<std::string>(&held);
  reply->clear();
  fmt::format_to(std::back_inserter(*reply), "200 OK {}", path);
  std::string answer = *reply;
  reply_buffers.put(std::move(held));
  return answer;
}

}  // namespace status
