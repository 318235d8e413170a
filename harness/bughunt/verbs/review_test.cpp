// Tests of `bughunt review`, run as a user runs it: the change shown with
// nothing of the mistake, and every case's answers graded (approving wrong, a
// declared line right, a far one wrong), bad lines refused in one line, and the
// outcome kept in the practice progress; a round of several for a room.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/bughunt/manifest.h"
#include "harness/bughunt/naming.h"
#include "harness/bughunt/process.h"
#include "harness/bughunt/testing/cli.h"
#include "harness/bughunt/testing/temp_manifest.h"
#include "harness/bughunt/text.h"

namespace {

using bughunt::Case;
using bughunt::Outcome;
using bughunt::testing::bughunt_cli;

std::vector<Case> real_cases() { return bughunt::load_manifest(bughunt::testing::kManifest); }

std::string id_of(const Case& c) { return std::to_string(c.id); }

// The number of lines of c's bug file.
int bug_file_lines(const Case& c) {
  const std::string text = bughunt::read_file(std::filesystem::path(BUGHUNT_SOURCE_DIR) /
                                              bughunt::source_path(c, bughunt::Variant::kBug));
  return static_cast<int>(bughunt::lines_of(text).size());
}

// A line of c's bug file more than two lines from every declared one.
int far_line(const Case& c) {
  for (int line = 1; line <= bug_file_lines(c); ++line) {
    bool far = true;
    for (int declared : c.lines) far = far && std::abs(declared - line) > 2;
    if (far) return line;
  }
  return 0;
}

// What `bughunt review ARGS` writes to stderr alone, and its exit status.
Outcome stderr_of(const std::string& args) {
  return bughunt::run_process(
      {"sh", "-c",
       std::string(BUGHUNT_BINARY) +
           " --no-build --workspace /nonexistent/bughunt-test-workspace review " + args +
           " 2>&1 >/dev/null"},
      std::chrono::seconds(60));
}

// The pull request shows its title and the patch into the bug file, and nothing that
// names the mistake: not its title, the symptom, a hint or the explanation.
TEST(ReviewTest, ShowsTheChangeAndNothingOfTheMistake) {
  for (const Case& c : real_cases()) {
    SCOPED_TRACE("case " + c.number());
    const Outcome out = bughunt_cli({"review", id_of(c)});
    ASSERT_EQ(out.exit_code, 0) << out.output;
    EXPECT_NE(out.output.find(c.change_title), std::string::npos);
    EXPECT_NE(out.output.find("+++ " + bughunt::source_path(c, bughunt::Variant::kBug).string()),
              std::string::npos);
    for (const std::string& secret : {c.title, c.symptom, c.cause, c.fix, c.rule, c.expect}) {
      EXPECT_EQ(out.output.find(secret), std::string::npos) << secret;
    }
    for (const std::string& hint : c.hints) EXPECT_EQ(out.output.find(hint), std::string::npos);
  }
}

// Every change breaks its program, so approving it is graded wrong (exit 1).
TEST(ReviewTest, ApprovingIsWrongForEveryCase) {
  for (const Case& c : real_cases()) {
    const Outcome out = bughunt_cli({"review", id_of(c), "--approve"});
    EXPECT_EQ(out.exit_code, 1) << c.number() << ": " << out.output;
    EXPECT_TRUE(out.output.starts_with("Wrong:")) << c.number() << ": " << out.output;
  }
}

// Pointing at a declared line is right (exit 0), and then the mistake is told in full.
TEST(ReviewTest, ADeclaredLineIsRightForEveryCase) {
  for (const Case& c : real_cases()) {
    const Outcome out =
        bughunt_cli({"review", id_of(c), "--answer", std::to_string(c.lines.back())});
    EXPECT_EQ(out.exit_code, 0) << c.number() << ": " << out.output;
    EXPECT_TRUE(out.output.starts_with("Right:")) << c.number() << ": " << out.output;
    for (const std::string& told : {c.title, c.symptom, c.cause, c.rule}) {
      EXPECT_NE(out.output.find(told), std::string::npos) << c.number() << ": " << told;
    }
  }
}

// A line far from every declared one is wrong (exit 1).
TEST(ReviewTest, AFarLineIsWrongForEveryCase) {
  for (const Case& c : real_cases()) {
    const int line = far_line(c);
    ASSERT_GT(line, 0) << c.number();
    const Outcome out = bughunt_cli({"review", id_of(c), "--answer", std::to_string(line)});
    EXPECT_EQ(out.exit_code, 1) << c.number() << ": " << out.output;
    EXPECT_TRUE(out.output.starts_with("Wrong:")) << c.number() << ": " << out.output;
  }
}

// Two lines off is close, exit 1; of several lines the best one counts.
TEST(ReviewTest, ANearLineIsCloseAndTheBestLineCounts) {
  const Outcome near = bughunt_cli({"review", "2", "--answer", "22"});
  EXPECT_EQ(near.exit_code, 1) << near.output;
  EXPECT_TRUE(near.output.starts_with("Close:")) << near.output;
  const Outcome several = bughunt_cli({"review", "2", "--answer", "3,24"});
  EXPECT_EQ(several.exit_code, 0) << several.output;
}

// A line that is not a number, or not in the bug file, is one line on stderr and exit 2.
TEST(ReviewTest, BadLinesAreRefusedInOneLine) {
  const int past = bug_file_lines(real_cases().at(1)) + 1;
  for (const std::string& answer :
       {std::string("x"), std::string("0"), std::to_string(past), std::string("3,,4"),
        std::string("12a"), std::string("''"), std::string("1,2,3,4")}) {
    const Outcome out = stderr_of("2 --answer " + answer);
    EXPECT_EQ(out.exit_code, 2) << answer << ": " << out.output;
    EXPECT_EQ(std::count(out.output.begin(), out.output.end(), '\n'), 1)
        << answer << ": " << out.output;
    EXPECT_TRUE(out.output.starts_with("bughunt: --answer")) << answer << ": " << out.output;
  }
}

// A fresh workspace in the system's temporary directory, removed with the object.
struct TempWorkspace {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("bughunt_review_" + std::to_string(::getpid()));
  TempWorkspace() { std::filesystem::create_directories(dir); }
  ~TempWorkspace() { std::filesystem::remove_all(dir); }

  Outcome run(std::vector<std::string> args) const {
    args.insert(args.begin(), {BUGHUNT_BINARY, "--no-build", "--workspace", dir.string()});
    return bughunt::run_process(args, std::chrono::seconds(60));
  }
};

// The first answer is kept in the progress and `bughunt progress` shows it; a later
// answer, made knowing the mistake, changes nothing.
TEST(ReviewTest, TheFirstAnswerIsKeptInTheProgress) {
  const TempWorkspace ws;
  EXPECT_EQ(ws.run({"review", "2", "--answer", "22"}).exit_code, 1);
  EXPECT_EQ(ws.run({"review", "2", "--answer", "24"}).exit_code, 0);
  EXPECT_EQ(ws.run({"review", "8", "--approve"}).exit_code, 1);
  const Outcome json = ws.run({"progress", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.output;
  std::map<int, nlohmann::json> review;
  const nlohmann::json doc = nlohmann::json::parse(json.output);
  for (const auto& entry : doc["cases"]) {
    review[entry["id"].get<int>()] = entry["review"];
  }
  EXPECT_EQ(review[2], "close");
  EXPECT_EQ(review[8], "wrong");
  EXPECT_TRUE(review[1].is_null());
  const Outcome table = ws.run({"progress"});
  EXPECT_NE(table.output.find("  02  untouched  close"), std::string::npos) << table.output;
  EXPECT_NE(table.output.find("2 of 20 changes reviewed, 0 right"), std::string::npos)
      << table.output;
}

// The answer tells the explanation, so a case in practice and not solved is refused
// (exit 2) until given up, as `bughunt explain` is.
TEST(ReviewTest, ACaseInPracticeIsAnsweredOnlyWhenGivenUp) {
  const TempWorkspace ws;
  std::ofstream(ws.dir / "progress.json")
      << R"({"format": "bughunt progress", "last": 2, "cases": )"
      << R"({"2": {"state": "started", "hints_seen": 0}}})";
  EXPECT_EQ(ws.run({"review", "2"}).exit_code, 0);  // the change itself tells nothing
  EXPECT_EQ(ws.run({"review", "2", "--answer", "24"}).exit_code, 2);
  EXPECT_EQ(ws.run({"review", "2", "--answer", "24", "--give-up"}).exit_code, 0);
  const nlohmann::json progress =
      nlohmann::json::parse(bughunt::read_file(ws.dir / "progress.json"));
  EXPECT_EQ(progress["cases"]["2"]["state"], "revealed");
  EXPECT_EQ(progress["cases"]["2"]["review"], "right");
}

// A round shows the chosen changes in order, one after another, and nothing of their
// mistakes until --reveal, which follows each change with where it goes wrong and why.
TEST(ReviewTest, ARoundHoldsTheAnswersBackUntilRevealed) {
  std::vector<Case> chosen;
  for (const Case& c : real_cases()) {
    if (c.id == 2 || c.id == 8 || c.id == 13) chosen.push_back(c);
  }
  ASSERT_EQ(chosen.size(), 3u);
  const Outcome held = bughunt_cli({"review", "--round", "2", "8", "13"});
  ASSERT_EQ(held.exit_code, 0) << held.output;
  std::size_t at = 0;
  for (const Case& c : chosen) {
    at = held.output.find(c.change_title, at);
    EXPECT_NE(at, std::string::npos) << c.number() << " missing or out of order";
    for (const std::string& secret : {c.title, c.symptom, c.cause, c.rule}) {
      EXPECT_EQ(held.output.find(secret), std::string::npos) << c.number() << ": " << secret;
    }
  }
  EXPECT_NE(held.output.find("bughunt review --round 2 8 13 --reveal"), std::string::npos);
  const Outcome revealed = bughunt_cli({"review", "--round", "2", "8", "13", "--reveal"});
  ASSERT_EQ(revealed.exit_code, 0) << revealed.output;
  for (const Case& c : chosen) {
    for (const std::string& told : {c.change_title, c.title, c.cause, c.rule}) {
      EXPECT_NE(revealed.output.find(told), std::string::npos) << c.number() << ": " << told;
    }
  }
  EXPECT_NE(revealed.output.find("Answer: the change goes wrong at lines 24, 25."),
            std::string::npos);
}

// Several cases without --round, or --reveal without it, are refused (exit 2).
TEST(ReviewTest, SeveralCasesNeedARound) {
  EXPECT_EQ(bughunt_cli({"review", "2", "8"}).exit_code, 2);
  EXPECT_EQ(bughunt_cli({"review", "2", "--reveal"}).exit_code, 2);
  EXPECT_EQ(bughunt_cli({"review", "--round", "2", "--approve"}).exit_code, 2);
  EXPECT_EQ(bughunt_cli({"review"}).exit_code, 2);
}

}  // namespace
