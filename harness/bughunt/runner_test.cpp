// Tests of running a case binary: what is not a program is refused before it
// runs, since execvp() would hand it to /bin/sh and an empty file "runs clean".
#include "harness/bughunt/runner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "harness/bughunt/testing/temp_manifest.h"

namespace fs = std::filesystem;
using bughunt::Variant;

namespace {

// A build tree of its own in a temporary directory, with one file at a case binary's place.
class FakeTree : public ::testing::Test {
 protected:
  void SetUp() override {
    ctx_.build_dir =
        fs::temp_directory_path() / ("bughunt_runner_test_" + std::to_string(getpid()));
    fs::create_directories(ctx_.build_dir);
    ctx_.build = false;
  }
  void TearDown() override { fs::remove_all(ctx_.build_dir); }
  fs::path put(const std::string& content) {
    const fs::path file = ctx_.binary(c_, Variant::kFix, bughunt::Flavour::kPlain);
    std::ofstream(file) << content;
    fs::permissions(file, fs::perms::owner_all);
    return file;
  }
  std::string refusal() {
    try {
      bughunt::run_case(ctx_, c_, Variant::kFix, bughunt::Flavour::kPlain, false);
    } catch (const bughunt::Stop& e) {
      EXPECT_EQ(e.code, 2);
      return e.what();
    }
    return "(it ran)";
  }
  bughunt::Context ctx_;
  bughunt::Case c_ = bughunt::testing::sample_case();
};

// A zero-byte binary is refused in one line, not run as an empty shell script.
TEST_F(FakeTree, ZeroByteBinaryIsRefused) {
  const fs::path file = put("");
  EXPECT_EQ(refusal(), file.string() + " is empty; run without --no-build");
}

// A script where a binary should be is not an ELF file, and is not run.
TEST_F(FakeTree, ScriptInPlaceOfABinaryIsRefused) {
  const fs::path file = put("#!/bin/sh\nexit 0\n");
  EXPECT_EQ(refusal(), file.string() + " is not an ELF file; run without --no-build");
}

// A binary that is not there says so.
TEST_F(FakeTree, MissingBinaryIsRefused) {
  EXPECT_NE(refusal().find(" is missing; run without --no-build"), std::string::npos);
}

}  // namespace
