// Tests of the build tree's care: its lock keeps a second configure waiting
// for the first (two first runs at once raced and damaged the tree), and a
// damaged tree is named and configured afresh.
#include "harness/bughunt/build.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

// A CMake project of one empty C++ library with a preset "dev", in a temporary directory.
class TinyProject : public ::testing::Test {
 protected:
  void SetUp() override {
    source_ = fs::temp_directory_path() / ("bughunt_build_test_" + std::to_string(getpid()));
    fs::create_directories(source_);
    std::ofstream(source_ / "CMakeLists.txt")
        << "cmake_minimum_required(VERSION 3.25)\nproject(tiny LANGUAGES CXX)\n";
    std::ofstream(source_ / "CMakePresets.json")
        << R"({"version": 6, "configurePresets": [{"name": "dev", "generator": "Ninja",
             "binaryDir": "${sourceDir}/build/${presetName}"}]})";
    tree_ = source_ / "build" / "dev";
  }
  void TearDown() override { fs::remove_all(source_); }
  void write(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
  }
  // Starts a child that runs configure_tree() with stderr on a pipe once
  // go() is called (after the lock is taken: a fork's copy of a held lock
  // would hold it for the child too). Returns its pid and the pipe's end.
  std::pair<pid_t, int> configure_in_child() {
    int pipe_fds[2], go_fds[2];
    EXPECT_EQ(pipe(pipe_fds), 0);
    EXPECT_EQ(pipe(go_fds), 0);
    const pid_t child = fork();
    if (child == 0) {
      dup2(pipe_fds[1], STDERR_FILENO);
      close(pipe_fds[0]);
      close(go_fds[1]);
      char go;
      if (read(go_fds[0], &go, 1) != 1) _exit(3);
      try {
        bughunt::configure_tree(source_, tree_, "dev");
      } catch (...) {
        _exit(1);
      }
      _exit(0);
    }
    close(pipe_fds[1]);
    close(go_fds[0]);
    go_fd_ = go_fds[1];
    return {child, pipe_fds[0]};
  }
  void go() {
    EXPECT_EQ(::write(go_fd_, "g", 1), 1);
    close(go_fd_);
  }
  fs::path source_, tree_;
  int go_fd_ = -1;
};

std::string read_until(int fd, std::string_view text) {
  std::string said;
  for (char c; said.find(text) == std::string::npos && read(fd, &c, 1) == 1;) said += c;
  return said;
}

int exit_status_of(pid_t child) {
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// A configure waits, saying so, while another bughunt holds the tree's lock,
// and runs once it is released: two first runs no longer race in one tree.
TEST_F(TinyProject, ConfigureWaitsForTheLockHolder) {
  const std::pair<pid_t, int> child = configure_in_child();
  {
    const bughunt::TreeLock held(tree_);
    go();
    const std::string said = read_until(child.second, "building");
    EXPECT_NE(said.find("bughunt: waiting for another bughunt to finish building"),
              std::string::npos)
        << said;
    EXPECT_FALSE(fs::exists(tree_ / "CMakeCache.txt")) << "configured while the lock was held";
  }
  EXPECT_EQ(exit_status_of(child.first), 0);
  close(child.second);
  EXPECT_EQ(bughunt::tree_damage(tree_), "");
}

// Each way a tree is found wanting is named; a whole one passes.
TEST_F(TinyProject, DamageIsNamed) {
  EXPECT_EQ(bughunt::tree_damage(tree_), "it is not configured");
  write(tree_ / "CMakeCache.txt", "# cache\n");
  EXPECT_EQ(bughunt::tree_damage(tree_), "its build.ninja is missing");
  write(tree_ / "build.ninja", "");
  EXPECT_EQ(bughunt::tree_damage(tree_), "its build.ninja is empty");
  write(tree_ / "build.ninja", "# rules\n");
  EXPECT_EQ(bughunt::tree_damage(tree_), "its compiler was never identified");
  const fs::path compiler = tree_ / "CMakeFiles" / "3.25.1" / "CMakeCXXCompiler.cmake";
  write(compiler, "set(CMAKE_CXX_COMPILER_ID \"\")\n");
  EXPECT_EQ(bughunt::tree_damage(tree_), "its compiler id is empty");
  write(compiler, "set(CMAKE_CXX_COMPILER_ID \"Clang\")\n");
  EXPECT_EQ(bughunt::tree_damage(tree_), "");
}

// A tree whose build.ninja was emptied is configured afresh, with one line saying why.
TEST_F(TinyProject, EmptiedBuildNinjaIsConfiguredAfresh) {
  bughunt::configure_tree(source_, tree_, "dev");
  ASSERT_EQ(bughunt::tree_damage(tree_), "");
  write(tree_ / "build.ninja", "");
  const auto [child, said_fd] = configure_in_child();
  go();
  const std::string said = read_until(said_fd, "\n");
  close(said_fd);
  EXPECT_EQ(exit_status_of(child), 0);
  EXPECT_EQ(said, "bughunt: the build tree " + tree_.string() +
                      " is damaged (its build.ninja is empty); configuring it afresh\n");
  EXPECT_EQ(bughunt::tree_damage(tree_), "");
}

}  // namespace
