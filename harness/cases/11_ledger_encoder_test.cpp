// harness/cases/11_ledger_encoder_test.cpp — the scenario of case 11: a day's
// ledger is exported, and some of its entries have memos that cannot be
// written on one CSV line. The valid entries must be exported, the others
// refused with a reason, and the service must carry on as before.
#include "harness/cases/11_ledger_encoder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

// Valid entries become CSV lines and the rest are refused, in whatever order they come.
TEST(LedgerExportTest, ExportsValidEntriesAndRefusesTheRest) {
  struct Expected {
    ledger::Entry entry;
    std::string line;  // empty: the entry must be refused
  };
  const std::vector<Expected> day = {
      {{"acme", 12000, "invoice 17"}, "acme,12000,invoice 17\n"},
      {{"acme", -450, "refund, partial"}, ""},
      {{"globex", 9900, "march retainer"}, "globex,9900,march retainer\n"},
      {{"initech", 2500, "line one\nline two"}, ""},
      {{"umbrella", 100, "fees"}, "umbrella,100,fees\n"},
      {{"hooli", 77, "tip, thanks"}, ""},
  };

  for (const Expected& expected : day) {
    const ledger::Entry& entry = expected.entry;
    const ledger::Encoded got = ledger::encode(entry);
    if (expected.line.empty()) {
      EXPECT_FALSE(got.ok) << "the entry for " << entry.account << " was exported as '" << got.text
                           << "'";
      EXPECT_NE(got.text.find(entry.account), std::string::npos)
          << "the reason for refusing the entry for " << entry.account << " reads '" << got.text
          << "'";
    } else {
      EXPECT_TRUE(got.ok) << "the entry for " << entry.account << " was refused: " << got.text;
      EXPECT_EQ(got.text, expected.line);
    }
  }
}

}  // namespace
