// Tests of the context every verb works with: a case the build tree does not
// build is refused, and an unknown case is answered with the manifest's range.
#include "harness/bughunt/context.h"

#include <gtest/gtest.h>

#include <string>

#include "harness/bughunt/testing/temp_manifest.h"

using bughunt::Case;
using bughunt::Context;

namespace {

std::string stop_message(const auto& call) {
  try {
    call();
  } catch (const bughunt::Stop& e) {
    EXPECT_EQ(e.code, 2);
    return e.what();
  }
  return "(no stop)";
}

// An entry the tree was not configured with is an error, not the tree's case of that number.
TEST(ContextTest, CaseTheTreeDoesNotBuildIsRefused) {
  Context ctx{.build_dir = "/tree", .built = {"01_greeter", "02_deferred_greetings"}};
  Case other = bughunt::testing::sample_case();
  EXPECT_EQ(ctx.target(other, bughunt::Variant::kBug, bughunt::Flavour::kTsan), "case02_bug_tsan");
  other.slug = "another_program";
  EXPECT_EQ(stop_message([&] { ctx.require_built(other); }),
            "the build tree /tree does not build case 02 (another_program): it was configured "
            "from another manifest, or for fewer cases (BUGHUNT_CASES)");
  EXPECT_EQ(
      stop_message([&] { ctx.binary(other, bughunt::Variant::kFix, bughunt::Flavour::kPlain); }),
      stop_message([&] { ctx.require_built(other); }));
}

// An unconfigured tree lists no case: nothing is refused for want of the list.
TEST(ContextTest, UnconfiguredTreeRefusesNothing) {
  const Context ctx;
  EXPECT_NO_THROW(ctx.require_built(bughunt::testing::sample_case()));
}

// The range an unknown id is told of spans the ids, whatever the manifest's order.
TEST(ContextTest, UnknownCaseNamesTheRangeOfIds) {
  Context ctx;
  for (int id : {7, 12, 3}) {
    Case c = bughunt::testing::sample_case();
    c.id = id;
    c.slug = "case_" + std::to_string(id);
    ctx.cases.push_back(c);
  }
  EXPECT_EQ(stop_message([&] { ctx.find("99"); }),
            "no case '99': give its number (3 to 12) or its slug; `bughunt list` shows them");
}

// "2 02 deferred_greetings" names one case, so verify runs it once.
TEST(ContextTest, ChosenNamesEachCaseOnce) {
  Context ctx;
  ctx.cases = {bughunt::testing::sample_case()};
  EXPECT_EQ(ctx.chosen({"2", "02", "deferred_greetings"}).size(), 1u);
}

}  // namespace
