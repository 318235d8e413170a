// bugs/10_audited_greeter.cpp — the greeter. A greeting is rendered in a
// string borrowed from a pool and returned at once; the audit line, which
// needs a directory lookup, is written by a background thread.
#include "harness/cases/10_audited_greeter.h"

#include <fmt/core.h>

#include <iterator>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "pool/pool.h"

namespace greeter {
namespace {

pool::Pool<std::string> greeting_buffers([] { return std::make_unique<std::string>(); });

}  // namespace

Greeter::Greeter(Directory& directory, AuditLog& audit) : directory_(directory), audit_(audit) {}

std::string Greeter::greet(std::string_view name) {
  auto greeting = greeting_buffers.borrow();
  greeting->clear();
  fmt::format_to(std::back_inserter(*greeting), "hello {}", name);
  std::lock_guard lock(mu_);
  audit_writers_.emplace_back([this, user = std::string(name), &text = *greeting] {
    audit_.record(fmt::format("{} {}", directory_.region_of(user), text));
  });
  return *greeting;
}

}  // namespace greeter
