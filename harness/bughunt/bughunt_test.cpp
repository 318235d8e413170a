// Tests of the bughunt command line: id parsing, the verdict rule, and the
// binary's exit codes and summaries, run as a user runs it (--no-build: the
// test run comes after the build, and must not start another).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/bughunt/manifest.h"
#include "harness/bughunt/process.h"
#include "harness/bughunt/verdict.h"

namespace fs = std::filesystem;
using bughunt::Case;
using bughunt::Flavour;
using bughunt::Outcome;
using bughunt::Variant;

namespace {

const fs::path kManifest = fs::path(BUGHUNT_SOURCE_DIR) / "harness" / "cases.json";

Outcome bughunt_cli(std::vector<std::string> args) {
  args.insert(args.begin(), {BUGHUNT_BINARY, "--no-build"});
  return bughunt::run_process(args, std::chrono::seconds(120));
}

std::string last_line(const std::string& text) {
  std::string trimmed = text.substr(0, text.find_last_not_of('\n') + 1);
  return trimmed.substr(trimmed.rfind('\n') + 1);
}

Case sample_case() {
  Case c;
  c.id = 2;
  c.slug = "use_after_put";
  c.detector = "tsan";
  c.expect = "ThreadSanitizer: data race";
  return c;
}

// A manifest in a temporary file, removed with the fixture.
class TempManifest {
 public:
  explicit TempManifest(const nlohmann::json& doc)
      : path_(fs::temp_directory_path() / ("bughunt_test_" + std::to_string(::getpid()) + "_" +
                                           std::to_string(counter_++) + ".json")) {
    std::ofstream(path_) << doc.dump(2);
  }
  ~TempManifest() { fs::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

}  // namespace

// A case is found by its number, its two-digit number and its slug, as users type them.
TEST(ManifestTest, FindsCaseByNumberPaddedNumberAndSlug) {
  const std::vector<Case> cases = {sample_case()};
  EXPECT_EQ(bughunt::find_case(cases, "2"), &cases[0]);
  EXPECT_EQ(bughunt::find_case(cases, "02"), &cases[0]);
  EXPECT_EQ(bughunt::find_case(cases, "use_after_put"), &cases[0]);
}

// Near misses are not cases: other numbers, trailing junk, the empty string.
TEST(ManifestTest, RejectsWhatIsNotACase) {
  const std::vector<Case> cases = {sample_case()};
  for (const char* text : {"3", "0", "2x", "", "use_after", "-2"}) {
    EXPECT_EQ(bughunt::find_case(cases, text), nullptr) << "'" << text << "' resolved";
  }
}

// The real manifest loads, and every entry names files that exist.
TEST(ManifestTest, RealManifestLoadsAndItsFilesExist) {
  const std::vector<Case> cases = bughunt::load_manifest(kManifest);
  ASSERT_FALSE(cases.empty());
  for (const Case& c : cases) {
    for (const char* dir : {"bugs", "fixes"}) {
      const fs::path file = fs::path(BUGHUNT_SOURCE_DIR) / dir / (c.stem() + ".cpp");
      EXPECT_TRUE(fs::exists(file)) << file;
    }
  }
}

// An entry without its expected diagnostic is refused with the field's name.
TEST(ManifestTest, EntryWithoutExpectIsRefusedByName) {
  nlohmann::json doc = nlohmann::json::parse(std::ifstream(kManifest));
  doc["cases"][0].erase("expect");
  TempManifest broken(doc);
  try {
    bughunt::load_manifest(broken.path());
    FAIL() << "a manifest without expect loaded";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("\"expect\""), std::string::npos) << e.what();
  }
}

// A bug run keeps its promise only with a non-zero exit AND the declared text.
TEST(VerdictTest, BugNeedsNonZeroExitAndDeclaredText) {
  const Case c = sample_case();
  const std::string report = "WARNING: ThreadSanitizer: data race (pid=1)\n";
  EXPECT_TRUE(judge(c, Variant::kBug, Flavour::kTsan, {66, false, report}).as_expected);
  EXPECT_FALSE(judge(c, Variant::kBug, Flavour::kTsan, {0, false, report}).as_expected);
  EXPECT_FALSE(
      judge(c, Variant::kBug, Flavour::kTsan, {1, false, "Segmentation fault\n"}).as_expected);
  EXPECT_FALSE(judge(c, Variant::kBug, Flavour::kTsan, {66, true, report}).as_expected);
}

// A fix run is clean only with exit 0 and no sanitizer report of any kind.
TEST(VerdictTest, FixFailsOnAnyReportEvenWithExitZero) {
  const Case c = sample_case();
  EXPECT_TRUE(
      judge(c, Variant::kFix, Flavour::kAsan, {0, false, "[  PASSED  ] 1 test.\n"}).as_expected);
  EXPECT_FALSE(judge(c, Variant::kFix, Flavour::kAsan,
                     {0, false, "x.cpp:3:5: runtime error: signed integer overflow\n"})
                   .as_expected);
  EXPECT_FALSE(judge(c, Variant::kFix, Flavour::kPlain, {1, false, ""}).as_expected);
}

// The evidence kept for a failed assertion is the message under gtest's "Failure" line.
TEST(VerdictTest, FirstReportLineCarriesTheAssertionMessage) {
  const std::string output =
      "[ RUN      ] GreetTest.Each\n"
      "greet_test.cpp:12: Failure\n"
      "the greeting for bob reads 'hello alicehello bob'\n";
  EXPECT_EQ(bughunt::first_report_line(output),
            "greet_test.cpp:12: Failure the greeting for bob reads 'hello alicehello bob'");
  EXPECT_EQ(bughunt::first_report_line("all fine\n"), "");
}

// The frame that points at the lesson is the first one inside bugs/ or fixes/.
TEST(VerdictTest, FirstCaseFrameSkipsLibraryFrames) {
  const std::string report =
      "    #1 0x1 in std::copy /usr/include/c++/12/bits/stl_algobase.h:431:6\n"
      "    #2 0x2 in pool::Pool::get() /src/pool/pool.h:334:23\n"
      "    #3 0x3 in audit::log() /src/bugs/08_view_after_put.cpp:33:5\n"
      "    #4 0x4 in audit::main() /src/bugs/08_view_after_put.cpp:40:1\n";
  EXPECT_EQ(bughunt::first_case_frame(report), "bugs/08_view_after_put.cpp:33");
  EXPECT_EQ(bughunt::first_case_frame("no frames here\n"), "");
}

// Colour codes never reach the matcher.
TEST(VerdictTest, StripColourLeavesPlainText) {
  EXPECT_EQ(bughunt::strip_colour("\x1b[1m\x1b[31mWARNING:\x1b[0m race"), "WARNING: race");
}

// A run that stalls after a fatal sanitizer report is stopped soon after it,
// not at the time limit (TSan can hang in its handler after a stack overflow).
TEST(ProcessTest, StallAfterFatalReportIsStoppedEarly) {
  const auto started = std::chrono::steady_clock::now();
  const Outcome out = bughunt::run_process(
      {"sh", "-c", "echo '==1==ERROR: ThreadSanitizer: stack-overflow'; exec sleep 60"},
      std::chrono::seconds(120), {}, std::chrono::seconds(1));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(30));
  EXPECT_TRUE(out.hung_after_report);
  EXPECT_FALSE(out.timed_out);
  EXPECT_NE(out.exit_code, 0);
}

// Without a fatal report, only the time limit stops a stalled run.
TEST(ProcessTest, StallWithoutReportRunsToTheLimit) {
  const Outcome out = bughunt::run_process(
      {"sh", "-c", "echo 'WARNING: ThreadSanitizer: data race'; exec sleep 60"},
      std::chrono::seconds(2), {}, std::chrono::seconds(1));
  EXPECT_TRUE(out.timed_out);
  EXPECT_FALSE(out.hung_after_report);
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
