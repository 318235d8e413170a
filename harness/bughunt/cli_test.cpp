// Tests of the bughunt binary run as a user runs it (--no-build: the test run
// comes after the build, and must not start another): exit codes, summaries,
// plain output when piped, the guide.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/bughunt/manifest.h"
#include "harness/bughunt/process.h"
#include "harness/bughunt/testing/temp_manifest.h"

using bughunt::Outcome;
using bughunt::testing::kManifest;
using bughunt::testing::TempManifest;

namespace {

Outcome bughunt_cli(std::vector<std::string> args) {
  // A workspace that does not exist, so a trainee's progress cannot change what diff shows.
  args.insert(args.begin(), {BUGHUNT_BINARY, "--no-build", "--workspace",
                             "/nonexistent/bughunt-cli-test-workspace"});
  return bughunt::run_process(args, std::chrono::seconds(120));
}

std::string last_line(const std::string& text) {
  std::string trimmed = text.substr(0, text.find_last_not_of('\n') + 1);
  return trimmed.substr(trimmed.rfind('\n') + 1);
}

// The guide lists every verb --help knows, so the two cannot drift apart.
TEST(CliTest, GuideListsEveryVerbOfHelp) {
  const Outcome guide = bughunt_cli({});
  const Outcome help = bughunt_cli({"--help"});
  ASSERT_EQ(guide.exit_code, 0) << guide.output;
  ASSERT_EQ(help.exit_code, 0) << help.output;
  for (const char* verb : {"list", "show", "run", "start", "check", "watch", "hint", "progress",
                           "reset", "diff", "explain", "verify", "checklist", "matrix"}) {
    EXPECT_NE(guide.output.find(std::string("bughunt ") + verb), std::string::npos) << verb;
    EXPECT_NE(help.output.find(std::string("  ") + verb), std::string::npos) << verb;
  }
}

// An unknown case is one line naming it, and exit status 2.
TEST(CliTest, UnknownCaseExitsTwoWithOneLine) {
  const Outcome out = bughunt_cli({"show", "99"});
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_EQ(out.output.find("bughunt: no case '99'"), 0u) << out.output;
  EXPECT_EQ(out.output.find('\n'), out.output.size() - 1) << out.output;
}

// A bad flag or tool is a usage error with exit status 2, not a stack trace.
TEST(CliTest, BadFlagAndBadToolExitTwo) {
  for (const auto& args : {std::vector<std::string>{"--frobnicate"},
                           std::vector<std::string>{"run", "1", "--tool", "valgrind"},
                           std::vector<std::string>{"run"}}) {
    const Outcome out = bughunt_cli(args);
    EXPECT_EQ(out.exit_code, 2) << out.output;
    EXPECT_EQ(out.output.rfind("bughunt: ", 0), 0u) << out.output;
  }
}

// `list --json` lists every manifest entry, for tools.
TEST(CliTest, ListJsonHasEveryCase) {
  const Outcome out = bughunt_cli({"list", "--json"});
  ASSERT_EQ(out.exit_code, 0) << out.output;
  EXPECT_EQ(nlohmann::json::parse(out.output).size(), bughunt::load_manifest(kManifest).size());
}

// Piped output carries no colour codes, so tools and files get plain text.
TEST(CliTest, PipedOutputHasNoColour) {
  const Outcome out = bughunt_cli({"diff", "1"});
  ASSERT_EQ(out.exit_code, 0) << out.output;
  EXPECT_NE(out.output.find("+++ fixes/01_"), std::string::npos) << out.output;
  EXPECT_EQ(out.output.find('\x1b'), std::string::npos);
}

// `run` exits with the case binary's status and ends with what the run showed.
TEST(CliTest, RunOfBugExitsNonZeroAndSaysAsExpected) {
  const Outcome out = bughunt_cli({"run", "1"});
  EXPECT_NE(out.exit_code, 0);
  EXPECT_NE(last_line(out.output).find("as expected"), std::string::npos) << out.output;
}

// verify passes a case that keeps its promise and ends with the summary line.
TEST(CliTest, VerifyPassesAKeptPromise) {
  const Outcome out = bughunt_cli({"verify", "1"});
  EXPECT_EQ(out.exit_code, 0) << out.output;
  EXPECT_EQ(last_line(out.output), "1 passed, 0 failed") << out.output;
}

// verify fails a case whose declared diagnostic its bug never prints.
TEST(CliTest, VerifyFailsAMisdeclaredCase) {
  nlohmann::json doc = nlohmann::json::parse(std::ifstream(kManifest));
  nlohmann::json entry = doc["cases"][0];
  entry["expect"] = "a diagnostic this case never prints";
  doc["cases"] = nlohmann::json::array({entry});
  TempManifest misdeclared(doc);
  const Outcome out = bughunt_cli({"--manifest", misdeclared.path(), "verify"});
  EXPECT_EQ(out.exit_code, 1) << out.output;
  EXPECT_EQ(last_line(out.output), "0 passed, 1 failed") << out.output;
  EXPECT_NE(out.output.find("expected \"a diagnostic this case never prints\""), std::string::npos)
      << out.output;
}

}  // namespace
