// harness/cases/10_audited_greeter.h — a greeter that answers at once and
// writes an audit line for each greeting in the background.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace greeter {

// Where a user is served from. A lookup may take a network round trip.
class Directory {
 public:
  virtual ~Directory() = default;
  virtual std::string region_of(std::string_view user) = 0;
};

// The audit trail. It receives lines from any thread.
class AuditLog {
 public:
  virtual ~AuditLog() = default;
  virtual void record(std::string line) = 0;
};

// Greets users without making them wait for the directory: each greeting's
// audit line is written by a background thread. Destroying the greeter waits
// for those threads; `directory` and `audit` must outlive it.
class Greeter {
 public:
  Greeter(Directory& directory, AuditLog& audit);

  // Returns "hello <name>"; in the background, records "<region> hello <name>".
  std::string greet(std::string_view name);

 private:
  Directory& directory_;
  AuditLog& audit_;
  std::mutex mu_;
  std::vector<std::jthread> audit_writers_;  // guarded by mu_; joined on destruction
};

}  // namespace greeter
