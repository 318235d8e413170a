// Tests of the bughunt binary run as a user runs it (--no-build: the test run
// comes after the build, and must not start another): exit codes, summaries,
// plain output when piped, the guide.
#include "harness/bughunt/testing/cli.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/bughunt/manifest.h"
#include "harness/bughunt/process.h"
#include "harness/bughunt/testing/sarif_check.h"
#include "harness/bughunt/testing/temp_manifest.h"
#include "harness/bughunt/text.h"

using bughunt::Outcome;
using bughunt::testing::bughunt_cli;
using bughunt::testing::kManifest;
using bughunt::testing::last_line;
using bughunt::testing::TempManifest;

namespace {

// The bughunt binary run by `command` in sh, e.g. "BUGHUNT list >/dev/full".
// `raw`, when given, gets the output with its colour codes.
Outcome in_shell(const std::string& command, std::string* raw = nullptr) {
  std::string line = command;
  line.replace(line.find("BUGHUNT"), 7, std::string(BUGHUNT_BINARY) + " --no-build");
  return bughunt::run_process({"sh", "-c", line}, std::chrono::seconds(120),
                              [raw](std::string_view text) {
                                if (raw) raw->append(text);
                              });
}

// What `bughunt list` prints on a terminal (script(1) gives it one) with TERM set to `term`.
std::string list_on_a_terminal(const std::string& term) {
  std::string raw;
  const Outcome out =
      in_shell("TERM=" + term + " NO_COLOR= script -qec 'BUGHUNT list' /dev/null", &raw);
  EXPECT_EQ(out.exit_code, 0) << out.output;
  return raw;
}

// The guide lists every verb --help knows, so the two cannot drift apart.
TEST(CliTest, GuideListsEveryVerbOfHelp) {
  const Outcome guide = bughunt_cli({});
  const Outcome help = bughunt_cli({"--help"});
  ASSERT_EQ(guide.exit_code, 0) << guide.output;
  ASSERT_EQ(help.exit_code, 0) << help.output;
  for (const char* verb :
       {"list", "show", "run", "read", "start", "check", "watch", "hint", "progress", "reset",
        "diff", "review", "explain", "verify", "checklist", "matrix", "pack"}) {
    EXPECT_NE(guide.output.find(std::string("bughunt ") + verb), std::string::npos) << verb;
    EXPECT_NE(help.output.find(std::string("  ") + verb), std::string::npos) << verb;
  }
}

// `checklist` prints the checklist, then names the page of real pools read
// against it; the page must exist, so the pointer cannot dangle.
TEST(CliTest, ChecklistPointsToPoolsInTheWild) {
  const std::string page = "docs/pools-in-the-wild.md";
  const Outcome out = bughunt_cli({"checklist"});
  ASSERT_EQ(out.exit_code, 0) << out.output;
  EXPECT_EQ(out.output.rfind("# Pool review checklist", 0), 0u) << out.output;
  EXPECT_NE(last_line(out.output).find(page), std::string::npos) << out.output;
  EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(BUGHUNT_SOURCE_DIR) / page));
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

// Output that cannot be written (a full disk) is an error, not a silent exit 0.
TEST(CliTest, WriteErrorExitsTwo) {
  const Outcome out = in_shell("BUGHUNT list >/dev/full");
  EXPECT_EQ(out.exit_code, 2) << out.output;
  EXPECT_EQ(out.output, "bughunt: cannot write the output: No space left on device\n");
}

// Global flags may follow the verb as well as precede it.
TEST(CliTest, GlobalFlagsAfterTheVerb) {
  nlohmann::json doc = nlohmann::json::parse(std::ifstream(kManifest));
  doc["cases"][0]["hints"] = {"a hint from another manifest", "a second one"};
  TempManifest other(doc);
  const Outcome out = bughunt::run_process({BUGHUNT_BINARY, "hint", "1", "--no-build", "--manifest",
                                            other.path(), "--workspace", "/nonexistent/ws"},
                                           std::chrono::seconds(30));
  EXPECT_EQ(out.exit_code, 0) << out.output;
  EXPECT_EQ(out.output.substr(0, out.output.find('\n')),
            "Hint 1 of 2: a hint from another manifest");
}

// What a user typed is echoed cut short, not 10 KB of it.
TEST(CliTest, LongCaseIdIsEchoedShort) {
  const Outcome out = bughunt_cli({"show", std::string(10000, '7')});
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_EQ(out.output.find("bughunt: no case '7777"), 0u) << out.output.substr(0, 200);
  EXPECT_LT(out.output.size(), 200u);
}

// In colour, list's columns line up as they do in plain text: the program is
// padded before it is painted, so every job and symptom starts in one column.
TEST(CliTest, ColouredListKeepsItsColumns) {
  const std::string raw = list_on_a_terminal("xterm");
  ASSERT_NE(raw.find('\x1b'), std::string::npos) << "no colour on a terminal: " << raw;
  std::size_t slug_width = 4;
  for (const bughunt::Case& c : bughunt::load_manifest(kManifest)) {
    slug_width = std::max(slug_width, c.slug.size());
  }
  const std::size_t text = 2 + 2 + slug_width + 2;
  int lines = 0;
  const std::string plain = bughunt::strip_colour(raw);
  for (std::string_view line : bughunt::lines_of(plain)) {
    if (line.size() <= text) continue;
    ++lines;
    EXPECT_EQ(line.substr(text - 2, 2), "  ") << line;
    EXPECT_NE(line[text], ' ') << line;
  }
  EXPECT_EQ(lines, 2 * static_cast<int>(bughunt::load_manifest(kManifest).size()));
}

// A terminal that cannot show colour (TERM=dumb) gets none.
TEST(CliTest, DumbTerminalGetsNoColour) {
  const std::string raw = list_on_a_terminal("dumb");
  EXPECT_NE(raw.find("greeter"), std::string::npos) << raw;
  EXPECT_EQ(raw.find('\x1b'), std::string::npos) << raw;
}

// list and show name the program, its job and the symptom, never the mistake:
// no title, no detector; list --reveal adds both.
TEST(CliTest, ListAndShowKeepTheMistakeHidden) {
  const Outcome list = bughunt_cli({"list"});
  const Outcome revealed = bughunt_cli({"list", "--reveal"});
  ASSERT_EQ(list.exit_code, 0) << list.output;
  ASSERT_EQ(revealed.exit_code, 0) << revealed.output;
  for (const bughunt::Case& c : bughunt::load_manifest(kManifest)) {
    const Outcome show = bughunt_cli({"show", std::to_string(c.id)});
    ASSERT_EQ(show.exit_code, 0) << show.output;
    EXPECT_EQ(show.output.find(c.title), std::string::npos) << show.output;
    EXPECT_EQ(show.output.find("detector"), std::string::npos) << show.output;
    EXPECT_NE(show.output.find(c.job), std::string::npos) << show.output;
    EXPECT_EQ(list.output.find(c.title), std::string::npos) << c.title;
    EXPECT_NE(list.output.find(c.job), std::string::npos) << c.job;
    EXPECT_NE(revealed.output.find(c.title), std::string::npos) << c.title;
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

// verify --sarif writes a log per case, a run for the bug and each fix, that validates.
TEST(CliTest, VerifyWritesOneValidSarifLogPerCase) {
  bughunt::testing::TempDir dir("bughunt_verify_sarif");
  const Outcome out = bughunt_cli({"verify", "1", "--sarif", dir.path.string()});
  EXPECT_EQ(out.exit_code, 0) << out.output;
  const std::filesystem::path log = dir.path / "01_greeter.sarif";
  const Outcome check = bughunt::testing::check_sarif({log});
  EXPECT_EQ(check.exit_code, 0) << check.output;
  const nlohmann::json runs = nlohmann::json::parse(std::ifstream(log))["runs"];
  ASSERT_EQ(runs.size(), 4u);
  EXPECT_EQ(runs[0]["results"][0]["ruleId"], "assertion");
  for (std::size_t i = 1; i < runs.size(); ++i) EXPECT_TRUE(runs[i]["results"].empty()) << i;
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
