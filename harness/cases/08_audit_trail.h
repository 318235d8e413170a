// harness/cases/08_audit_trail.h — an audit trail that logs each change to
// a user record as JSON, before and after.
#pragma once

#include <string>

namespace audit {

struct UserRecord {
  int id = 0;
  std::string name;
};

// One audit line for a change: the record before and after, each as a JSON
// object, joined by " -> ".
std::string describe_change(const UserRecord& before, const UserRecord& after);

}  // namespace audit
