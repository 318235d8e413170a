// 08_audit_trail.cpp — the audit trail's change lines. Records are
// encoded as JSON in strings borrowed from a pool, so that a busy trail does
// not allocate a fresh string per record.
#include "harness/cases/08_audit_trail.h"

#include <fmt/core.h>

#include <iterator>
#include <memory>
#include <string>
#include <string_view>

#include "pool/pool.h"

namespace audit {
namespace {

pool::Pool<std::string> json_buffers([] { return std::make_unique<std::string>(); });

// `record` as a JSON object.
// Returned as a copy: a view into the pooled string would dangle once the
// string goes back and the next encode reallocates it.
std::string encode(const UserRecord& record) {
  auto json = json_buffers.borrow();
  json->clear();
  fmt::format_to(std::back_inserter(*json), R"({{"id":{},"name":"{}"}})", record.id, record.name);
  return *json;
}

}  // namespace

std::string describe_change(const UserRecord& before, const UserRecord& after) {
  auto old_json = encode(before);
  auto new_json = encode(after);
  return fmt::format("{} -> {}", old_json, new_json);
}

}  // namespace audit
