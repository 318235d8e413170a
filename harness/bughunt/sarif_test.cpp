// Tests of the SARIF writer: every log written from the captured reports
// validates against the official SARIF 2.1.0 schema, a broken one does not,
// and case 02's codeFlow tells the race on the bug file's lines.
#include "harness/bughunt/sarif.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "harness/bughunt/testing/report_fixtures.h"
#include "harness/bughunt/testing/sarif_check.h"

namespace {

using bughunt::testing::check_sarif;
using bughunt::testing::reports_of;
using bughunt::testing::TempDir;
using nlohmann::json;

const std::filesystem::path kSource = BUGHUNT_SOURCE_DIR;

json log_of(const std::string& fixture) {
  return bughunt::sarif_log({bughunt::sarif_run(reports_of(fixture), {.root = kSource})});
}

// Every fixture's log, one with several runs and one with none, validate against the schema.
TEST(SarifTest, EveryLogValidatesAgainstTheSchema) {
  TempDir dir("bughunt_sarif_test");
  std::vector<std::filesystem::path> files;
  std::vector<json> runs;
  for (const std::string& fixture : bughunt::testing::fixture_files()) {
    files.push_back(dir.path / (fixture + ".sarif"));
    bughunt::write_sarif(files.back(), log_of(fixture));
    runs.push_back(
        bughunt::sarif_run(reports_of(fixture), {.root = kSource, .automation_id = fixture + "/"}));
  }
  files.push_back(dir.path / "all.sarif");
  bughunt::write_sarif(files.back(), bughunt::sarif_log(runs));
  files.push_back(dir.path / "clean.sarif");
  bughunt::write_sarif(files.back(),
                       bughunt::sarif_log({bughunt::sarif_run({}, {.root = kSource})}));
  const bughunt::Outcome check = check_sarif(files);
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_EQ(std::count(check.output.begin(), check.output.end(), '\n'),
            static_cast<long>(files.size()));
}

// The check can fail: a log without its version, a threadFlow without locations.
TEST(SarifTest, BrokenLogsFailTheSchema) {
  TempDir dir("bughunt_sarif_broken");
  json unversioned = log_of("02_deferred_greetings.tsan.txt");
  unversioned.erase("version");
  json empty_flow = log_of("02_deferred_greetings.tsan.txt");
  empty_flow["runs"][0]["results"][0]["codeFlows"][0]["threadFlows"][0]["locations"] =
      json::array();
  for (const json& broken : {unversioned, empty_flow}) {
    bughunt::write_sarif(dir.path / "broken.sarif", broken);
    const bughunt::Outcome check = check_sarif({dir.path / "broken.sarif"});
    EXPECT_EQ(check.exit_code, 1) << check.output;
    EXPECT_NE(check.output.find("INVALID:"), std::string::npos) << check.output;
  }
}

// Case 02: a result per report, ruleId from the kind, located at the write in the bug file.
TEST(SarifTest, ResultsCarryRuleMessageAndLocation) {
  const json run = log_of("02_deferred_greetings.tsan.txt")["runs"][0];
  ASSERT_EQ(run["results"].size(), reports_of("02_deferred_greetings.tsan.txt").size());
  const json& race = run["results"][0];
  EXPECT_EQ(race["ruleId"], "data-race");
  EXPECT_EQ(run["tool"]["driver"]["rules"][race["ruleIndex"].get<int>()]["id"], "data-race");
  const json& at = race["locations"][0]["physicalLocation"];
  EXPECT_EQ(at["artifactLocation"]["uri"], "bugs/02_deferred_greetings.cpp");
  EXPECT_EQ(at["artifactLocation"]["uriBaseId"], "SRCROOT");
  EXPECT_EQ(at["region"]["startLine"], 22);
  EXPECT_EQ(at["region"]["startColumn"], 9);
  EXPECT_TRUE(
      race["message"]["text"].get<std::string>().starts_with("A data race: thread T2's write"));
  EXPECT_EQ(run["results"][2]["ruleId"], "data-race");
  EXPECT_TRUE(run["originalUriBaseIds"]["SRCROOT"]["uri"].get<std::string>().ends_with("/"));
}

// The file a threadFlow step is in; "" for a frame without one.
std::string uri(const json& step) {
  return step.value(json::json_pointer("/location/physicalLocation/artifactLocation/uri"), "");
}

// Case 02's codeFlow: a threadFlow per stack; the two accesses' end in bugs/02_*.cpp at the
// racing lines, each titled by its role and thread.
TEST(SarifTest, Case02CodeFlowHasBothAccessesInTheBugFile) {
  const json log = log_of("02_deferred_greetings.tsan.txt");
  const json& flows = log["runs"][0]["results"][0]["codeFlows"][0]["threadFlows"];
  ASSERT_EQ(flows.size(), 5u);
  int in_bug_file = 0;
  for (const json& flow : flows) {
    bool here = false;
    for (const json& step : flow["locations"]) {
      here = here || uri(step) == "bugs/02_deferred_greetings.cpp";
    }
    in_bug_file += here;
  }
  EXPECT_EQ(in_bug_file, 3);  // the read, the write, the allocation; not the threads' creation
  auto essential_lines = [](const json& flow) {
    std::vector<int> lines;
    for (const json& step : flow["locations"]) {
      if (step["importance"] == "essential")
        lines.push_back(step["location"]["physicalLocation"]["region"]["startLine"]);
    }
    return lines;
  };
  EXPECT_EQ(flows[0]["message"]["text"], "thread T2 wrote 8 bytes here");
  EXPECT_EQ(flows[0]["id"], "T2");
  EXPECT_EQ(essential_lines(flows[0]), (std::vector<int>{31, 22}));
  EXPECT_EQ(flows[1]["id"], "T1");
  EXPECT_EQ(essential_lines(flows[1]), std::vector<int>{33});
  EXPECT_EQ(flows[0]["locations"].back()["location"]["message"]["text"],
            "std::string::_M_length(unsigned long)");
}

}  // namespace
