// harness/cases/04_ledger_export_test.cpp — the scenario of case 04: a month's
// ledger of three entries is exported.
#include "harness/cases/04_ledger_export.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

// Three entries export as a header line and three aligned lines, in order.
TEST(LedgerExportTest, ExportsHeaderAndOneLinePerEntry) {
  const std::vector<ledger::Entry> entries = {
      {"rent", 120000}, {"groceries", 8450}, {"books", 2399}};
  EXPECT_EQ(ledger::export_ledger(entries),
            "account          amount\n"
            "rent            1200.00\n"
            "groceries         84.50\n"
            "books             23.99\n");
}

}  // namespace
