// Tests of `bughunt read`: any report in short, from a file or standard
// input; the same as `run` gives on every captured fixture, GCC's as clang's.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "harness/bughunt/report_short.h"
#include "harness/bughunt/testing/cli.h"
#include "harness/bughunt/testing/report_fixtures.h"
#include "harness/bughunt/testing/sarif_check.h"

namespace {

using bughunt::Outcome;
using bughunt::testing::bughunt_cli;
using bughunt::testing::fixture;
using bughunt::testing::kTestdata;

const std::string kSource = BUGHUNT_SOURCE_DIR;

Outcome read_fixture(const std::string& file, std::vector<std::string> more = {}) {
  std::vector<std::string> args = {"read", (kTestdata / file).string(), "--root", kSource};
  args.insert(args.end(), more.begin(), more.end());
  return bughunt_cli(args);
}

// A file in a temporary folder, removed with the object.
struct TempFile {
  explicit TempFile(const std::string& text)
      : path(std::filesystem::temp_directory_path() /
             ("bughunt_read_" + std::to_string(::getpid()) + ".txt")) {
    std::ofstream(path) << text;
  }
  ~TempFile() { std::filesystem::remove(path); }
  std::filesystem::path path;
};

// Every captured fixture reads as the run's short report of the same text
// (read cannot know the exit status, so a death by signal is not added).
TEST(ReadTest, EveryFixtureReadsAsRunShowsIt) {
  for (const std::string& file : bughunt::testing::fixture_files()) {
    SCOPED_TRACE(file);
    const Outcome out = read_fixture(file);
    const std::vector<bughunt::Report> reports =
        bughunt::read_reports(fixture(file), 0, {.source_dir = kSource, .program_files = {}});
    if (reports.empty()) {
      EXPECT_EQ(out.exit_code, 1) << out.output;
      continue;
    }
    EXPECT_EQ(out.exit_code, 0) << out.output;
    EXPECT_EQ(out.output, bughunt::short_report(reports, {.root = kSource}));
  }
}

// GCC's TSan report reads as clang's: the same two accesses on the same lines.
TEST(ReadTest, GccTsanReadsAsClangs) {
  for (const char* file : {"02_deferred_greetings.tsan.txt", "02_deferred_greetings.gcc-tsan.txt"}) {
    const Outcome out = read_fixture(file);
    EXPECT_EQ(out.exit_code, 0);
    EXPECT_NE(out.output.find("thread T2 wrote 8 bytes here\n  bugs/02_deferred_greetings.cpp:22"),
              std::string::npos)
        << file << out.output;
    EXPECT_NE(out.output.find("\n  bugs/02_deferred_greetings.cpp:33"), std::string::npos)
        << file << out.output;
  }
}

// Several warnings: the first in full and a line for each other; --all shows all in full.
TEST(ReadTest, SeveralWarningsOneInFullOrAll) {
  const Outcome brief = read_fixture("15_account_reports.tsan.txt");
  EXPECT_NE(brief.output.find("(report 1 of 6)"), std::string::npos) << brief.output;
  EXPECT_NE(brief.output.find("\nthen: a data race at bugs/15_account_reports.cpp:"),
            std::string::npos);
  const Outcome all = read_fixture("15_account_reports.tsan.txt", {"--all"});
  EXPECT_NE(all.output.find("(report 6 of 6)"), std::string::npos) << all.output;
}

// Standard input by default; a report cut short still reads, and says so.
TEST(ReadTest, StandardInputAndCutShortReport) {
  const std::string raw = fixture("08_audit_trail.asan.txt");
  TempFile cut(raw.substr(0, raw.find("    #3 ", raw.find("freed by thread"))));
  const Outcome out = bughunt::run_process(
      {"/bin/sh", "-c",
       fmt::format("cd '{}' && '{}' read < '{}'", kSource, BUGHUNT_BINARY, cut.path.string())},
      std::chrono::seconds(60));
  EXPECT_EQ(out.exit_code, 0) << out.output;
  EXPECT_NE(out.output.find("it was cut short"), std::string::npos) << out.output;
  EXPECT_NE(out.output.find("  bugs/08_audit_trail.cpp:33:10"), std::string::npos) << out.output;
}

// A frame in the caller's own tree is the program, quoted from --root.
TEST(ReadTest, FramesUnderTheRootAreTheProgram) {
  const std::filesystem::path root =
      std::filesystem::temp_directory_path() / ("bughunt_root_" + std::to_string(::getpid()));
  std::filesystem::create_directories(root / "src");
  std::ofstream(root / "src" / "main.cpp")
      << "int main() {\n  int* p = new int[2];\n  return p[2];\n}\n";
  TempFile report(
      fmt::format("==1==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602 at pc 0x1 "
                  "bp 0x2 sp 0x3\n"
                  "READ of size 4 at 0x602 thread T0\n"
                  "    #0 0x55 in main {}/src/main.cpp:3:10\n"
                  "    #1 0x7f in __libc_start_main (/lib/libc.so.6+0x29d8f)\n"
                  "SUMMARY: AddressSanitizer: heap-buffer-overflow {}/src/main.cpp:3:10 in main\n",
                  root.string(), root.string()));
  const Outcome out = bughunt_cli({"read", report.path.string(), "--root", root.string()});
  std::filesystem::remove_all(root);
  EXPECT_EQ(out.exit_code, 0) << out.output;
  EXPECT_NE(out.output.find("thread T0 read 4 bytes here\n  src/main.cpp:3:10 in main\n     3 |   "
                            "return p[2];\n       |          ^\n"),
            std::string::npos)
      << out.output;
}

// Text with no report: one line that says so, and exit status 1.
TEST(ReadTest, NoReportIsOneLineAndExitOne) {
  TempFile plain("hello\nall is well\n");
  const Outcome out = bughunt_cli({"read", plain.path.string()});
  EXPECT_EQ(out.exit_code, 1);
  EXPECT_EQ(out.output, fmt::format("bughunt: no sanitizer, Valgrind or GoogleTest report in {}\n",
                                    plain.path.string()));
}

// --sarif writes a log that validates; --json prints the report model instead of the short one.
TEST(ReadTest, SarifAndJsonForTools) {
  bughunt::testing::TempDir dir("bughunt_read_sarif");
  const Outcome out = read_fixture("08_audit_trail.gcc-asan.txt",
                                   {"--json", "--sarif", (dir.path / "08.sarif").string()});
  EXPECT_EQ(out.exit_code, 0) << out.output;
  const nlohmann::json model = nlohmann::json::parse(out.output);
  EXPECT_EQ(model[0]["kind"], "heap-use-after-free");
  EXPECT_EQ(model[0]["stacks"][1]["role"], "freed");
  const Outcome check = bughunt::testing::check_sarif({dir.path / "08.sarif"});
  EXPECT_EQ(check.exit_code, 0) << check.output;
}

}  // namespace
