// Tests of the verdict rule: what a bug run and a fix run must show to keep
// their case's promise, and the words a person reads.
#include "harness/bughunt/verdict.h"

#include <gtest/gtest.h>

#include <string>

#include "harness/bughunt/testing/temp_manifest.h"

using bughunt::Case;
using bughunt::Flavour;
using bughunt::Variant;
using bughunt::testing::sample_case;

namespace {

// A bug run keeps its promise only with a non-zero exit AND the declared text.
TEST(VerdictTest, BugNeedsNonZeroExitAndDeclaredText) {
  const Case c = sample_case();
  const std::string report = "WARNING: ThreadSanitizer: data race (pid=1)\n";
  EXPECT_TRUE(bughunt::judge(c, Variant::kBug, Flavour::kTsan, {66, false, report}).as_expected);
  EXPECT_FALSE(bughunt::judge(c, Variant::kBug, Flavour::kTsan, {0, false, report}).as_expected);
  EXPECT_FALSE(bughunt::judge(c, Variant::kBug, Flavour::kTsan, {1, false, "Segmentation fault\n"})
                   .as_expected);
  EXPECT_FALSE(bughunt::judge(c, Variant::kBug, Flavour::kTsan, {66, true, report}).as_expected);
}

// A fix run is clean only with exit 0 and no sanitizer report of any kind.
TEST(VerdictTest, FixFailsOnAnyReportEvenWithExitZero) {
  const Case c = sample_case();
  EXPECT_TRUE(bughunt::judge(c, Variant::kFix, Flavour::kAsan, {0, false, "[  PASSED  ] 1 test.\n"})
                  .as_expected);
  EXPECT_FALSE(bughunt::judge(c, Variant::kFix, Flavour::kAsan,
                              {0, false, "x.cpp:3:5: runtime error: signed integer overflow\n"})
                   .as_expected);
  EXPECT_FALSE(bughunt::judge(c, Variant::kFix, Flavour::kPlain, {1, false, ""}).as_expected);
}

// What a run showed is the first report's headline, in one line.
TEST(VerdictTest, WhatItShowedIsTheFirstHeadline) {
  const std::string output =
      "[ RUN      ] GreetTest.Each\n"
      "greet_test.cpp:12: Failure\n"
      "the greeting for bob reads 'hello alicehello bob'\n";
  EXPECT_EQ(bughunt::what_it_showed({1, false, output}),
            "greet_test.cpp:12: Failure the greeting for bob reads 'hello alicehello bob'");
  EXPECT_EQ(bughunt::what_it_showed({0, false, "all fine\n"}), "clean");
  EXPECT_EQ(bughunt::what_it_showed({3, false, "all fine\n"}), "exit status 3");
}

// A death by signal is named by its signal, not told as "exit status 139".
TEST(VerdictTest, DeathBySignalIsNamed) {
  EXPECT_EQ(bughunt::what_it_showed({128 + 11, false, ""}), "killed by SIGSEGV");
  EXPECT_EQ(bughunt::what_it_showed({128 + 9, false, "half a line"}), "killed by SIGKILL");
}

}  // namespace
