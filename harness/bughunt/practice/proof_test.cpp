// Tests of the proof that a scenario ran: the test list read from
// --gtest_list_tests, and GoogleTest JSON reports that prove it or do not.
#include "harness/bughunt/practice/proof.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

const std::vector<std::string> kScenario = {"GreetingsTest.FirstGreeting",
                                            "GreetingsTest.LaterGreeting"};

std::string report(const std::string& second_test) {
  return R"({"tests": 2, "failures": 0, "testsuites": [{"name": "GreetingsTest", "testsuite": [
    {"name": "FirstGreeting", "status": "RUN", "result": "COMPLETED"},)" +
         second_test + "]}]}";
}

// Suites and their tests are read as "Suite.Test"; parameter comments are dropped.
TEST(ProofTest, ListedTestsReadsSuitesAndTests) {
  const std::string list =
      "Running main() from gtest_main.cc\nGreetingsTest.\n  FirstGreeting\n  LaterGreeting\n"
      "Sizes/PoolTest.\n  Keeps/0  # GetParam() = 1\n";
  EXPECT_EQ(bughunt::listed_tests(list),
            (std::vector<std::string>{"GreetingsTest.FirstGreeting", "GreetingsTest.LaterGreeting",
                                      "Sizes/PoolTest.Keeps/0"}));
}

// Every test of the scenario run, completed and without failures is proof.
TEST(ProofTest, EveryTestPassedIsProof) {
  EXPECT_EQ(bughunt::unproven(report(R"({"name": "LaterGreeting", "status": "RUN",
                                         "result": "COMPLETED"})"),
                              kScenario),
            "");
}

// A failed, skipped or missing test is no proof, and the reason counts the tests.
TEST(ProofTest, FailedSkippedOrMissingTestIsNoProof) {
  for (const char* second :
       {R"({"name": "LaterGreeting", "status": "RUN", "result": "COMPLETED", "failures": [{}]})",
        R"({"name": "LaterGreeting", "status": "RUN", "result": "SKIPPED"})",
        R"({"name": "SomethingElse", "status": "RUN", "result": "COMPLETED"})"}) {
    EXPECT_EQ(bughunt::unproven(report(second), kScenario),
              "GoogleTest's report lists 1 of the scenario's 2 tests as passed")
        << second;
  }
}

// No report at all (the program exited before GoogleTest wrote it), or a torn one, is no proof.
TEST(ProofTest, MissingOrUnreadableReportIsNoProof) {
  EXPECT_EQ(bughunt::unproven("", kScenario),
            "the scenario ended before GoogleTest wrote its report");
  EXPECT_NE(bughunt::unproven(R"({"testsuites": [)", kScenario).find("cannot be read"),
            std::string::npos);
}

// An empty expected list proves nothing, so a reference that lists no test cannot pass a file.
TEST(ProofTest, EmptyScenarioProvesNothing) {
  EXPECT_NE(bughunt::unproven(report(R"({"name": "LaterGreeting"})"), {}), "");
}

// The pool counters at the top of the report give the hits; a report without
// them, or with nonsense in them, gives none.
TEST(ProofTest, PoolHitsReadFromTheReportsProperties) {
  EXPECT_EQ(bughunt::pool_hits(R"({"pool_gets": "12", "pool_misses": "3", "testsuites": []})"), 9u);
  EXPECT_EQ(bughunt::pool_hits(R"({"pool_gets": "0", "pool_misses": "0"})"), 0u);
  for (const char* json : {R"({"testsuites": []})", R"({"pool_gets": "x", "pool_misses": "0"})",
                           R"({"pool_gets": "1", "pool_misses": "2"})", ""}) {
    EXPECT_EQ(bughunt::pool_hits(json), std::nullopt) << json;
  }
}

}  // namespace
