// harness/cases/08_audit_trail_test.cpp — a user's record is renamed and
// the change goes to the audit trail.
#include "harness/cases/08_audit_trail.h"

#include <gtest/gtest.h>

namespace {

// A short name replaced by a long one: the line shows both versions of the record.
TEST(AuditTrailTest, RenameShowsBothVersions) {
  const audit::UserRecord before{7, "ada"};
  const audit::UserRecord after{7, "Augusta Ada King, Countess of Lovelace"};
  EXPECT_EQ(audit::describe_change(before, after),
            R"({"id":7,"name":"ada"} -> {"id":7,"name":"Augusta Ada King, Countess of Lovelace"})");
}

}  // namespace
