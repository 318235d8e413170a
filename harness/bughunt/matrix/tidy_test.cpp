// Tests of the matrix's clang-tidy reading (a warning counts only when the
// fix lacks its twin) and of the evidence normaliser (lines comparable
// across runs).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "harness/bughunt/matrix/matrix.h"

using bughunt::classify_tidy;
using bughunt::Finding;
using bughunt::Outcome;
using bughunt::Result;
using bughunt::Variant;

namespace {

Outcome run(int exit_code, std::string output, bool timed_out = false) {
  return {exit_code, timed_out, std::move(output)};
}

const char kTidyBug[] =
    "36311 warnings generated.\n"
    "/src/bugs/02_x.cpp:16:25: warning: variable 'pool' is non-const and globally accessible, "
    "consider making it const [cppcoreguidelines-avoid-non-const-global-variables]\n"
    "pool::Pool<std::string> pool;\n"
    "                        ^\n"
    "/src/bugs/02_x.cpp:30:10: warning: 'text' used after it was moved [bugprone-use-after-move]\n"
    "  return *text;\n"
    "/src/pool/pool.h:88:3: warning: something in a header [bugprone-branch-clone]\n";

const char kTidyFix[] =
    "/src/fixes/02_x.cpp:18:25: warning: variable 'texts' is non-const and globally accessible, "
    "consider making it const [cppcoreguidelines-avoid-non-const-global-variables]\n"
    "pool::Pool<std::string> texts([] { return std::make_unique<std::string>(); });\n";

// Only warnings on the case's own file are read; each keeps its check and message.
TEST(MatrixTidyTest, ReadsWarningsOfTheFileOnly) {
  const std::vector<bughunt::TidyWarning> w = bughunt::tidy_warnings(kTidyBug, "bugs/02_x.cpp");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[1].check, "bugprone-use-after-move");
  EXPECT_EQ(w[1].message, "'text' used after it was moved");
}

// A bug warning with no twin on the fix catches the bug; twins, even moved, on a changed line or
// quoting a renamed variable, do not; any fix warning is a false alarm.
TEST(MatrixTidyTest, OnlyAWarningTheFixLacksCatchesTheBug) {
  const auto fix_warnings = bughunt::tidy_warnings(kTidyFix, "fixes/02_x.cpp");
  const auto bug_warnings = bughunt::tidy_warnings(kTidyBug, "bugs/02_x.cpp");
  const Finding bug = classify_tidy(Variant::kBug, run(0, kTidyBug), "bugs/02_x.cpp", fix_warnings);
  EXPECT_EQ(bug.result, Result::kReport);
  EXPECT_EQ(bug.evidence,
            "/src/bugs/02_x.cpp:30:10: warning: 'text' used after it was moved "
            "[bugprone-use-after-move]");

  const std::string only_twin(kTidyBug, std::string_view(kTidyBug).find("/src/bugs/02_x.cpp:30"));
  const Finding missed =
      classify_tidy(Variant::kBug, run(0, only_twin), "bugs/02_x.cpp", fix_warnings);
  EXPECT_EQ(missed.result, Result::kMissed);
  EXPECT_EQ(missed.evidence, "1 warning, each also on the fix");

  const Finding fix =
      classify_tidy(Variant::kFix, run(0, kTidyFix), "fixes/02_x.cpp", bug_warnings);
  EXPECT_EQ(fix.result, Result::kFalseAlarm);
  EXPECT_EQ(classify_tidy(Variant::kFix, run(0, "12 warnings generated.\n"), "fixes/02_x.cpp",
                          bug_warnings)
                .result,
            Result::kClean);
}

// A source clang-tidy cannot compile is no verdict on the bug: a crash, not a catch.
TEST(MatrixTidyTest, CompileErrorIsNoCatch) {
  const Finding f = classify_tidy(
      Variant::kBug,
      run(1, "/src/bugs/02_x.cpp:4:10: error: 'x.h' file not found [clang-diagnostic-error]\n"),
      "bugs/02_x.cpp", {});
  EXPECT_EQ(f.result, Result::kCrash);
}

// Evidence compares across runs: no source prefix, pid, thread id or heap address; a
// near-null address stays, it tells the story.
TEST(MatrixEvidenceTest, NormalisedEvidenceIsStable) {
  EXPECT_EQ(bughunt::normalise_evidence(
                "ERROR: ThreadSanitizer: SEGV on unknown address 0x000000000008 (pc "
                "0x55d1c0ffee00 bp 0x7ffc12345678 sp 0x7ffc12345600 T28768)",
                "/src"),
            "ERROR: ThreadSanitizer: SEGV on unknown address 0x000000000008 (pc 0x... bp 0x... "
            "sp 0x... T...)");
  EXPECT_EQ(bughunt::normalise_evidence("WARNING: ThreadSanitizer: data race (pid=4242)", "/src"),
            "WARNING: ThreadSanitizer: data race (pid=N)");
  EXPECT_EQ(bughunt::normalise_evidence("ThreadSanitizer: CHECK failed: x.h:297 (tid=19609)", ""),
            "ThreadSanitizer: CHECK failed: x.h:297 (tid=N)");
  // A small register value is still a register: only an address is kept near null.
  EXPECT_EQ(bughunt::normalise_evidence("stack-overflow on address 0x7ffe1 (pc 0x55 bp 0x1)", ""),
            "stack-overflow on address 0x... (pc 0x... bp 0x...)");
  // Valgrind numbers threads in the order they happened to start.
  EXPECT_EQ(bughunt::normalise_evidence("Possible data race during write of size 8 at 0x4DE0 by "
                                        "thread #6",
                                        ""),
            "Possible data race during write of size 8 at 0x... by thread #N");
  EXPECT_EQ(bughunt::normalise_evidence("Conflicting store by thread 5 at 0x04d9a9c0 size 8", ""),
            "Conflicting store by thread N at 0x... size 8");
  // Bytes read from freed memory are masked; a printable expected value is kept.
  EXPECT_EQ(bughunt::normalise_evidence(
                R"(Which is: "A\v\xA7" "b\x5\0da\"}" wanted Which is: "{\"id\":7}")", ""),
            R"(Which is: "<unprintable bytes>" wanted Which is: "{\"id\":7}")");
  EXPECT_EQ(bughunt::normalise_evidence(R"(Which is: "hello bob" "hello alice")", ""),
            R"(Which is: "hello bob" "hello alice")");
  EXPECT_EQ(bughunt::normalise_evidence("/src/bugs/02_x.cpp:30:10: warning: x", "/src"),
            "bugs/02_x.cpp:30:10: warning: x");
}

}  // namespace
