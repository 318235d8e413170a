// Tests of the trainee's workspace: progress kept across runs, damaged or
// foreign progress files refused and left whole, backups that never
// overwrite, git-ignored inside the repository, the fix shown only once earned.
#include "harness/bughunt/practice/workspace.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "harness/bughunt/context.h"
#include "harness/bughunt/testing/temp_manifest.h"
#include "harness/bughunt/text.h"

namespace fs = std::filesystem;
using bughunt::Progress;
using bughunt::State;
using bughunt::Stop;
using bughunt::Workspace;

namespace {

// A fresh directory under the system's temporary one, removed with the object.
struct TempDir {
  fs::path path = fs::temp_directory_path() /
                  ("bughunt_ws_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
  static inline int counter = 0;
};

// The exit status and message of a Stop thrown by `f`; {0, ""} when none is.
template <typename F>
std::pair<int, std::string> stop_of(F f) {
  try {
    f();
  } catch (const Stop& e) {
    return {e.code, e.what()};
  }
  return {0, ""};
}

// What is saved is what is loaded: states, hints seen and the last case.
TEST(WorkspaceTest, SavedProgressLoadsBack) {
  TempDir dir;
  const Workspace ws(dir.path);
  EXPECT_TRUE(ws.load().cases.empty());
  Progress p;
  p.last = 2;
  p.of(bughunt::testing::sample_case()) = {.state = State::kSolved, .hints_seen = 2};
  ws.save(p);
  const Progress back = ws.load();
  EXPECT_EQ(back.last, 2);
  EXPECT_EQ(back.at(bughunt::testing::sample_case()).state, State::kSolved);
  EXPECT_EQ(back.at(bughunt::testing::sample_case()).hints_seen, 2);
}

// A damaged or foreign progress file is one clear error (exit 2) and stays as it was.
TEST(WorkspaceTest, DamagedOrForeignProgressIsRefusedAndKept) {
  for (const char* text : {"{\"format\": \"bughunt progress\", \"last\": ", "{\"name\": \"x\"}",
                           "{\"format\": \"bughunt progress\", \"last\": 1, \"cases\": "
                           "{\"2\": {\"state\": \"won\", \"hints_seen\": 0}}}"}) {
    TempDir dir;
    const Workspace ws(dir.path);
    std::ofstream(ws.progress_file()) << text;
    const auto [code, message] = stop_of([&] { ws.load(); });
    EXPECT_EQ(code, 2) << text;
    EXPECT_NE(message.find("progress.json is damaged or not bughunt's"), std::string::npos)
        << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    EXPECT_EQ(bughunt::read_file(ws.progress_file()), text);
  }
}

// A missing workspace is named, with the command that makes one.
TEST(WorkspaceTest, MissingWorkspaceSaysHowToMakeOne) {
  const Workspace ws("/nonexistent/bughunt-workspace");
  const auto [code, message] = stop_of([&] { ws.require(); });
  EXPECT_EQ(code, 2);
  EXPECT_NE(message.find("bughunt start N"), std::string::npos) << message;
}

// Backups take the first free name, so a second reset keeps the first backup.
TEST(WorkspaceTest, BackupNamesNeverOverwrite) {
  TempDir dir;
  const Workspace ws(dir.path);
  const fs::path file = dir.path / "case02.cpp";
  EXPECT_EQ(ws.backup_name(file), dir.path / "case02.backup-1.cpp");
  std::ofstream(dir.path / "case02.backup-1.cpp") << "first";
  EXPECT_EQ(ws.backup_name(file), dir.path / "case02.backup-2.cpp");
}

// A workspace inside the repository is git-ignored; one outside it is left alone.
TEST(WorkspaceTest, WorkspaceInsideRepositoryIsGitIgnored) {
  TempDir repository;
  Workspace(repository.path / "practice").create(repository.path);
  EXPECT_EQ(bughunt::read_file(repository.path / "practice" / ".gitignore").find("*\n") !=
                std::string::npos,
            true);
  TempDir elsewhere;
  Workspace(elsewhere.path / "ws").create(repository.path);
  EXPECT_FALSE(fs::exists(elsewhere.path / "ws" / ".gitignore"));
}

// The fix of a started case is refused until solved; --give-up shows it and records "revealed".
TEST(WorkspaceTest, FixOfStartedCaseNeedsSolveOrGiveUp) {
  TempDir dir;
  const Workspace ws(dir.path);
  const bughunt::Case c = bughunt::testing::sample_case();
  EXPECT_EQ(stop_of([&] { bughunt::allow_reveal(ws, c, false); }).first, 0);  // never started
  Progress p;
  p.of(c).state = State::kStarted;
  ws.save(p);
  EXPECT_EQ(stop_of([&] { bughunt::allow_reveal(ws, c, false); }).first, 2);
  EXPECT_EQ(ws.load().at(c).state, State::kStarted);
  EXPECT_EQ(stop_of([&] { bughunt::allow_reveal(ws, c, true); }).first, 0);
  EXPECT_EQ(ws.load().at(c).state, State::kRevealed);
  EXPECT_EQ(stop_of([&] { bughunt::allow_reveal(ws, c, false); }).first, 0);
}

// A review's outcome is saved and loaded; progress written before reviews existed loads
// with none, and an unknown outcome is refused like an unknown state.
TEST(WorkspaceTest, ReviewOutcomeLoadsBackAndMayBeAbsent) {
  TempDir dir;
  const Workspace ws(dir.path);
  const bughunt::Case c = bughunt::testing::sample_case();
  Progress p;
  p.of(c).review = bughunt::Review::kClose;
  ws.save(p);
  EXPECT_EQ(ws.load().at(c).review, bughunt::Review::kClose);
  std::ofstream(ws.progress_file()) << R"({"format": "bughunt progress", "last": 2, "cases": )"
                                    << R"({"2": {"state": "solved", "hints_seen": 1}}})";
  EXPECT_EQ(ws.load().at(c).review, std::nullopt);
  EXPECT_EQ(ws.load().at(c).state, State::kSolved);
  std::ofstream(ws.progress_file()) << R"({"format": "bughunt progress", "last": 2, "cases": )"
                                    << R"({"2": {"state": "solved", "hints_seen": 1, )"
                                    << R"("review": "maybe"}}})";
  EXPECT_EQ(stop_of([&] { ws.load(); }).first, 2);
}

}  // namespace
