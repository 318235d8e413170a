// harness/cases/03_csv_writer_test.cpp — the scenario of case 03: an
// export writes a header row and two data rows.
#include "harness/cases/03_csv_writer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

// A header and two records come out as three CSV lines, quoted where the fields need it.
TEST(CsvWriterTest, EncodesHeaderAndRecords) {
  EXPECT_EQ(csv::encode_row({"id", "name", "note"}), "id,name,note");
  EXPECT_EQ(csv::encode_row({"7", "Smith, Jane", "said \"hi\""}),
            "7,\"Smith, Jane\",\"said \"\"hi\"\"\"");
  EXPECT_EQ(csv::encode_row({"8", "Lee", ""}), "8,Lee,");
}

}  // namespace
