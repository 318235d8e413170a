// Tests of the report model as JSON: every field, by the names name() gives.
#include "harness/bughunt/report_json.h"

#include <gtest/gtest.h>

#include "harness/bughunt/testing/report_fixtures.h"

namespace {

using bughunt::testing::reports_of;

// A TSan race as JSON: kind, source, stacks by role, frames with their parts and places.
TEST(ReportJsonTest, RaceHasEveryField) {
  const nlohmann::json all = bughunt::reports_json(reports_of("02_deferred_greetings.tsan.txt"));
  ASSERT_EQ(all.size(), 3u);
  const nlohmann::json& race = all[0];
  EXPECT_EQ(race["kind"], "data race");
  EXPECT_EQ(race["source"], "sanitizer");
  EXPECT_EQ(race["headline"], all[1]["headline"]);
  EXPECT_TRUE(
      race["summary"].get<std::string>().starts_with("SUMMARY: ThreadSanitizer: data race"));
  ASSERT_EQ(race["stacks"].size(), 5u);
  EXPECT_EQ(race["stacks"][1]["role"], "previous access");
  EXPECT_EQ(race["stacks"][1]["thread"], "T1");
  const nlohmann::json& render = race["stacks"][0]["frames"][3];
  EXPECT_EQ(render["file"], "bugs/02_deferred_greetings.cpp");
  EXPECT_EQ(render["line"], 22);
  EXPECT_EQ(render["column"], 9);
  EXPECT_EQ(render["place"], "program");
  const nlohmann::json check = bughunt::reports_json(reports_of("01_greeter.plain.txt"))[0];
  EXPECT_EQ(check["kind"], "assertion");
  EXPECT_EQ(check["expected"], "\"hello bob\"");
  EXPECT_EQ(check["actual"], "\"hello alicehello bob\"");
  EXPECT_EQ(bughunt::reports_json({}), nlohmann::json::array());
}

}  // namespace
