// Tests of `bughunt run` live on cases 02, 08, 11 and 13: the real report
// first and unchanged, then the short one; --raw and --short alone.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/bughunt/testing/cli.h"
#include "harness/bughunt/testing/sarif_check.h"
#include "harness/bughunt/text.h"

namespace {

using bughunt::Outcome;
using bughunt::testing::bughunt_cli;

// The real report comes first, the short one after it, the verdict last.
TEST(RunTest, RealReportFirstThenShortThenVerdict) {
  const Outcome out = bughunt_cli({"run", "2"});
  EXPECT_NE(out.exit_code, 0);
  const std::size_t raw = out.output.find("WARNING: ThreadSanitizer: data race");
  const std::size_t brief = out.output.find("In short: data race, reported by ThreadSanitizer");
  ASSERT_NE(raw, std::string::npos) << out.output;
  ASSERT_NE(brief, std::string::npos) << out.output;
  EXPECT_LT(raw, brief);
  EXPECT_NE(out.output.find("    #3 greetings::(anonymous namespace)::render[abi:cxx11](std::"),
            std::string::npos)
      << "the raw report is shown as printed";
  EXPECT_LT(brief, out.output.find("case 02 (bug) under tsan: as expected")) << out.output;
}

// Case 02 in short names both racing lines and fits one screen.
TEST(RunTest, ShortReportOfCase02NamesBothAccesses) {
  const Outcome out = bughunt_cli({"run", "2", "--short"});
  EXPECT_EQ(out.output.find("Previous read of size 8"), std::string::npos) << out.output;
  for (const char* part :
       {"thread T2 wrote 8 bytes here\n  bugs/02_deferred_greetings.cpp:22:9 in greetings::render",
        "thread T1 had read 8 bytes here, with no synchronisation between the two\n"
        "  bugs/02_deferred_greetings.cpp:33:22 in greetings::greet(",
        "    22 |   text->clear();\n       |         ^\n", "neither happens-before the other."}) {
    EXPECT_NE(out.output.find(part), std::string::npos) << part << "\n" << out.output;
  }
  const std::string brief = out.output.substr(0, out.output.rfind("\n\n"));
  EXPECT_LE(bughunt::lines_of(brief).size(), 30u) << brief;
}

// Cases 08, 11 and 13 in short: the use after free, the leak, the recursion, on their lines.
TEST(RunTest, ShortReportsOfCases08And11And13LandOnTheLesson) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
      {"8",
       {"thread T0 read 21 bytes here\n  bugs/08_audit_trail.cpp:33:10",
        "the memory was freed here, by thread T0\n  bugs/08_audit_trail.cpp:24:3",
        "A heap use after free: memory freed at bugs/08_audit_trail.cpp:24 was used again"}},
      {"11",
       {"leaked: 96 bytes allocated here, never freed\n"
        "  bugs/11_ledger_encoder.cpp:21:36 in ledger::encode(ledger::Entry const&)"}},
      {"13",
       // Where the stack runs out, line 34 (write's entry) or 35 (its call), differs run to run.
       {"the stack overflowed here\n  bugs/13_service_log.cpp:3",
        "  bugs/13_service_log.cpp:28:3 in servicelog::$_0::operator()() const",
        "  … and round again: the calls above repeat",
        "A stack overflow: the calls through bugs/13_service_log.cpp:3"}},
  };
  for (const auto& [id, parts] : expected) {
    const Outcome out = bughunt_cli({"run", id, "--short"});
    EXPECT_NE(out.exit_code, 0);
    for (const std::string& part : parts) {
      EXPECT_NE(out.output.find(part), std::string::npos) << part << "\n" << out.output;
    }
  }
}

// --raw shows the real report alone; --raw and --short together are a usage error.
TEST(RunTest, RawShowsOnlyTheRealReport) {
  const Outcome out = bughunt_cli({"run", "8", "--raw"});
  EXPECT_NE(out.output.find("ERROR: AddressSanitizer: heap-use-after-free"), std::string::npos);
  EXPECT_EQ(out.output.find("In short:"), std::string::npos) << out.output;
  EXPECT_EQ(bughunt_cli({"run", "8", "--raw", "--short"}).exit_code, 2);
}

// --sarif writes a log that validates and places the race in the bug file; --json is the
// report model alone, nothing else on standard output.
TEST(RunTest, SarifAndJsonForTools) {
  bughunt::testing::TempDir dir("bughunt_run_sarif");
  const Outcome out =
      bughunt_cli({"run", "2", "--short", "--sarif", (dir.path / "02.sarif").string()});
  EXPECT_NE(out.exit_code, 0);
  const Outcome check = bughunt::testing::check_sarif({dir.path / "02.sarif"});
  EXPECT_EQ(check.exit_code, 0) << check.output;
  const nlohmann::json log = nlohmann::json::parse(std::ifstream(dir.path / "02.sarif"));
  EXPECT_EQ(
      log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
      "bugs/02_deferred_greetings.cpp");
  EXPECT_EQ(log["runs"][0]["automationDetails"]["id"], "02_deferred_greetings/bug/tsan/");

  const Outcome json = bughunt_cli({"run", "2", "--json"});
  const nlohmann::json model = nlohmann::json::parse(json.output);
  EXPECT_EQ(model["case"], "02_deferred_greetings");
  EXPECT_EQ(model["as_expected"], true);
  EXPECT_EQ(model["reports"][0]["kind"], "data race");
  EXPECT_EQ(model["reports"][0]["stacks"][0]["frames"][3]["file"],
            "bugs/02_deferred_greetings.cpp");
}

}  // namespace
