// The practice loop driven end to end through the bughunt binary, in a
// temporary workspace, case by case: start; check says still broken with the
// declared diagnostic; the reference fix copied in; check says fixed;
// progress shows solved; reset restores the broken program and keeps the
// backup. Then the errors a trainee can meet, each one line and exit 2 with
// nothing of theirs lost; and watch, which checks again on every save.
//
// Each case costs a build of the trainee's file in three flavours, so ctest
// runs a representative few (testing/practice_cases.h: an assertion, a race and a
// memory case); scripts/practice-flow runs every case (BUGHUNT_FLOW_CASES=all).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "harness/bughunt/manifest.h"
#include "harness/bughunt/naming.h"
#include "harness/bughunt/process.h"
#include "harness/bughunt/testing/practice_cases.h"
#include "harness/bughunt/testing/temp_manifest.h"
#include "harness/bughunt/text.h"

namespace fs = std::filesystem;
using bughunt::Case;
using bughunt::Outcome;

namespace {

const fs::path kRoot = BUGHUNT_SOURCE_DIR;

struct TempWorkspace {
  fs::path dir = fs::temp_directory_path() /
                 ("bughunt_flow_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  ~TempWorkspace() {
    ::chmod(dir.c_str(), 0755);
    fs::remove_all(dir);
  }
  static inline int counter = 0;
};

Outcome bughunt_cli(const fs::path& workspace, std::vector<std::string> args) {
  args.insert(args.begin(), {BUGHUNT_BINARY, "--workspace", workspace.string()});
  return bughunt::run_process(args, std::chrono::minutes(20));
}

std::string state_of(const fs::path& workspace, const Case& c) {
  const Outcome out = bughunt_cli(workspace, {"progress", "--json"});
  const nlohmann::json progress = nlohmann::json::parse(out.output);
  for (const auto& entry : progress["cases"]) {
    if (entry["id"] == c.id) return entry["state"];
  }
  return "absent";
}

Case case_numbered(int id) {
  return *bughunt::find_case(bughunt::load_manifest(bughunt::testing::kManifest),
                             std::to_string(id));
}

std::string program(const Case& c, bughunt::Variant v) {
  return bughunt::read_file(kRoot / bughunt::source_path(c, v));
}

// What a passing check says of a fix that no longer reuses pooled objects.
const std::string kPoolDropped = "your version no longer reuses objects";

class FlowTest : public ::testing::TestWithParam<Case> {};

// A case goes from broken to fixed through start, check, a fix, check,
// progress and reset, and the verdicts say what happened at each step.
TEST_P(FlowTest, StartCheckFixCheckProgressReset) {
  const Case& c = GetParam();
  TempWorkspace ws;
  const fs::path file = ws.dir / bughunt::practice_file_name(c);
  ASSERT_EQ(bughunt_cli(ws.dir, {"start", std::to_string(c.id)}).exit_code, 0);
  ASSERT_EQ(bughunt::read_file(file), program(c, bughunt::Variant::kBug));

  const Outcome broken = bughunt_cli(ws.dir, {"check", std::to_string(c.id)});
  EXPECT_EQ(broken.exit_code, 1) << broken.output;
  EXPECT_NE(broken.output.find("is still broken"), std::string::npos) << broken.output;
  EXPECT_NE(broken.output.find(c.expect), std::string::npos) << broken.output;
  EXPECT_EQ(state_of(ws.dir, c), "started");

  std::ofstream(file) << program(c, bughunt::Variant::kFix);
  const Outcome fixed = bughunt_cli(ws.dir, {"check"});  // the case worked on last
  EXPECT_EQ(fixed.exit_code, 0) << fixed.output;
  EXPECT_NE(fixed.output.find("case " + c.number() + " is fixed"), std::string::npos)
      << fixed.output;
  EXPECT_EQ(state_of(ws.dir, c), "solved");
  EXPECT_EQ(fixed.output.find(kPoolDropped), std::string::npos) << fixed.output;

  const Outcome reset = bughunt_cli(ws.dir, {"reset", std::to_string(c.id)});
  EXPECT_EQ(reset.exit_code, 0) << reset.output;
  EXPECT_EQ(bughunt::read_file(file), program(c, bughunt::Variant::kBug));
  const fs::path backup = ws.dir / ("case" + c.number() + ".backup-1.cpp");
  EXPECT_NE(reset.output.find(backup.string()), std::string::npos) << reset.output;
  EXPECT_EQ(bughunt::read_file(backup), program(c, bughunt::Variant::kFix));
}

INSTANTIATE_TEST_SUITE_P(Cases, FlowTest, ::testing::ValuesIn(bughunt::testing::practice_cases()),
                         [](const auto& info) { return "case" + info.param.number(); });

// A fix that drops the pool altogether passes, and the verdict says that the
// pool is gone, from the pool's own counters.
TEST(PracticeVerdictTest, FixWithoutThePoolPassesAndSaysSo) {
  TempWorkspace ws;
  ASSERT_EQ(bughunt_cli(ws.dir, {"start", "1"}).exit_code, 0);
  std::string fix = program(case_numbered(1), bughunt::Variant::kFix);
  const std::string borrow = "line_buffers.borrow()";
  ASSERT_NE(fix.find(borrow), std::string::npos) << "case 01's fix no longer borrows: " << fix;
  fix.replace(fix.find(borrow), borrow.size(), "std::make_unique<std::string>()");
  std::ofstream(ws.dir / "case01.cpp") << fix;
  const Outcome out = bughunt_cli(ws.dir, {"check", "1"});
  EXPECT_EQ(out.exit_code, 0) << out.output;
  EXPECT_NE(out.output.find(kPoolDropped + ": 0 pool hits"), std::string::npos) << out.output;
}

// The single line on stderr of a run that should have stopped with exit 2.
void expect_one_line_exit_two(const Outcome& out, const std::string& words) {
  EXPECT_EQ(out.exit_code, 2) << out.output;
  EXPECT_NE(out.output.find(words), std::string::npos) << out.output;
  EXPECT_EQ(std::count(out.output.begin(), out.output.end(), '\n'), 1) << out.output;
}

// A file that does not compile is the compiler's first error, on the trainee's file and line.
TEST(PracticeErrorsTest, CompileErrorIsFirstErrorOnTraineesLine) {
  TempWorkspace ws;
  ASSERT_EQ(bughunt_cli(ws.dir, {"start", "1"}).exit_code, 0);
  const fs::path file = ws.dir / "case01.cpp";
  const std::string broken = bughunt::read_file(file) + "int stray = ;\n";
  std::ofstream(file) << broken;
  const int line = static_cast<int>(std::count(broken.begin(), broken.end(), '\n'));
  Outcome out = bughunt_cli(ws.dir, {"check", "1"});
  // From the verdict on: check's progress lines (and a wait for the tree's lock) come first.
  out.output = out.output.substr(out.output.find("bughunt: does not compile"));
  expect_one_line_exit_two(
      out, "does not compile: " + file.string() + ":" + std::to_string(line) + ":13: error:");
  EXPECT_EQ(bughunt::read_file(file), broken);
}

// Without a workspace, check and progress say how to make one; nothing is created.
TEST(PracticeErrorsTest, MissingWorkspaceIsOneLine) {
  TempWorkspace ws;
  for (const char* verb : {"check", "progress", "reset"}) {
    std::vector<std::string> args = {verb};
    if (std::string(verb) != "progress") args.push_back("1");
    expect_one_line_exit_two(bughunt_cli(ws.dir, args), "bughunt start N");
  }
  EXPECT_FALSE(fs::exists(ws.dir));
}

// A damaged progress file stops every verb that reads it, and is left as it was.
TEST(PracticeErrorsTest, DamagedProgressIsOneLineAndKept) {
  TempWorkspace ws;
  ASSERT_EQ(bughunt_cli(ws.dir, {"start", "1"}).exit_code, 0);
  std::ofstream(ws.dir / "progress.json") << "{\"format\": \"bughunt progress\", \"la";
  for (const char* verb : {"check", "progress", "start", "hint"}) {
    std::vector<std::string> args = {verb};
    if (std::string(verb) != "progress") args.push_back("1");
    expect_one_line_exit_two(bughunt_cli(ws.dir, args), "progress.json is damaged");
  }
  EXPECT_EQ(bughunt::read_file(ws.dir / "progress.json"),
            "{\"format\": \"bughunt progress\", \"la");
}

// A workspace that cannot be written is one line. (Root writes through file modes,
// so for root the test takes a directory no one can write in: /proc/1.)
TEST(PracticeErrorsTest, ReadOnlyWorkspaceIsOneLine) {
  TempWorkspace ws;
  fs::create_directories(ws.dir);
  ::chmod(ws.dir.c_str(), 0555);
  const fs::path dir = ::access(ws.dir.c_str(), W_OK) == 0 ? fs::path("/proc/1") : ws.dir;
  expect_one_line_exit_two(bughunt_cli(dir, {"start", "1"}), "cannot write in the workspace");
}

// The pid of the running process whose command line holds `needle`; 0 when none does.
pid_t pid_with(const std::string& needle) {
  for (const auto& entry : fs::directory_iterator("/proc")) {
    std::ifstream in(entry.path() / "cmdline");
    std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::replace(cmdline.begin(), cmdline.end(), '\0', ' ');
    if (cmdline.find(needle) != std::string::npos && cmdline.find(BUGHUNT_BINARY) == 0) {
      return std::stoi(entry.path().filename().string());
    }
  }
  return 0;
}

// watch checks at once, again after a save by rename (as vim and JetBrains save), and stops
// cleanly on Ctrl-C.
TEST(PracticeWatchTest, ChecksAgainAfterRenameSaveAndStopsOnCtrlC) {
  TempWorkspace ws;
  ASSERT_EQ(bughunt_cli(ws.dir, {"start", "2"}).exit_code, 0);
  const fs::path file = ws.dir / "case02.cpp";
  std::mutex mu;
  std::condition_variable more_output;
  std::string output;       // guarded by mu
  const auto waits = [&] {  // with mu held
    std::size_t n = 0;
    for (std::size_t at = 0; (at = output.find("watch: waiting", at)) != std::string::npos; ++at)
      ++n;
    return n;
  };
  Outcome ended;
  std::thread watch([&] {
    ended = bughunt::run_process({BUGHUNT_BINARY, "--workspace", ws.dir.string(), "watch", "2"},
                                 std::chrono::minutes(20), [&](std::string_view text) {
                                   std::lock_guard lock(mu);
                                   output.append(text);
                                   more_output.notify_all();
                                 });
  });
  const auto wait_for = [&](std::size_t count) {
    std::unique_lock lock(mu);
    more_output.wait(lock, [&] { return waits() >= count; });
  };
  wait_for(1);
  std::ofstream(ws.dir / "case02.cpp.new") << program(case_numbered(2), bughunt::Variant::kFix);
  fs::rename(ws.dir / "case02.cpp.new", file);
  wait_for(2);
  ::kill(pid_with(ws.dir.string()), SIGINT);
  watch.join();
  EXPECT_EQ(ended.exit_code, 0) << ended.output;
  EXPECT_NE(ended.output.find("is still broken"), std::string::npos) << ended.output;
  EXPECT_NE(ended.output.find("case 02 is fixed"), std::string::npos) << ended.output;
  std::lock_guard lock(mu);
  EXPECT_EQ(waits(), 2u) << ended.output;
  EXPECT_NE(ended.output.find("watch: stopped"), std::string::npos) << ended.output;
}

}  // namespace
