// The cheat table: edits of a broken program that stop it doing its job,
// generated from the program itself, must not be graded as fixed. For each
// case the test writes each edit into a temporary workspace, runs
// `bughunt check` and prints a row: does not compile, still broken or PASSED.
// A cheat may pass only where the verdict says the pool was dropped, and an
// edit that makes the reference fix is not tried.
//
//   empty-bodies     every function's body emptied ({} or { return {}; })
//   constant-result  every function that returns a value returns {} at once
//   early-return     a return before the first statement of every function
//   no-pool          every pool::Pool replaced by new and delete (where the
//                    program has one)
//   no-put           every put() into a pool removed (where the program has one)
//   no-threads       std::thread replaced by a call on the calling thread
//                    (where the program starts threads)
//
// Like the flow test, ctest runs a few cases and scripts/practice-flow all.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "harness/bughunt/manifest.h"
#include "harness/bughunt/naming.h"
#include "harness/bughunt/process.h"
#include "harness/bughunt/testing/practice_cases.h"
#include "harness/bughunt/testing/temp_manifest.h"
#include "harness/bughunt/text.h"

namespace fs = std::filesystem;
using bughunt::Case;

namespace {

// A function defined at namespace scope: its first line opens the body at the
// end, and the body closes with a "}" in column 0.
const std::regex kFunctionStart(R"(^[A-Za-z][^;=]*\)( const)? \{$)");

enum class Body { kEmpty, kConstantResult, kEarlyReturn };

// Rewrites the body of every namespace-scope function.
std::string rewrite_functions(const std::string& program, Body how) {
  std::ostringstream out;
  bool in_body = false;
  bool returns_void = false;
  for (std::string_view line : bughunt::lines_of(program)) {
    const std::string text(line);
    if (!in_body && std::regex_match(text, kFunctionStart) && !text.starts_with("namespace")) {
      in_body = true;
      returns_void = text.starts_with("void ");
      out << text << "\n";
      if (how == Body::kEarlyReturn) out << (returns_void ? "  return;\n" : "  return {};\n");
      if (how == Body::kEmpty && !returns_void) out << "  return {};\n";
      if (how == Body::kConstantResult && !returns_void) out << "  return {};\n";
      continue;
    }
    if (in_body && text == "}") in_body = false;
    const bool drop =
        in_body && (how == Body::kEmpty || (how == Body::kConstantResult && !returns_void));
    if (!drop) out << text << "\n";
  }
  return out.str();
}

std::string without_puts(const std::string& program) {
  return std::regex_replace(program, std::regex(R"([A-Za-z_][\w.>-]*\.put\([^;]*\);)"), "");
}

// Every pool::Pool<T> NAME replaced by plain allocation: NAME.borrow() by
// std::make_unique<T>(), NAME.get() by new T, NAME.put(x) by delete x.
std::string without_pools(const std::string& program) {
  static const std::regex declaration(R"(pool::Pool<(.+)> (\w+)[({])");
  std::string result = program;
  for (std::sregex_iterator it(program.begin(), program.end(), declaration), end; it != end; ++it) {
    const std::string type = (*it)[1];
    const std::string name = (*it)[2];
    result = std::regex_replace(result, std::regex("\\b" + name + R"(\.borrow\(\))"),
                                "std::make_unique<" + type + ">()");
    result = std::regex_replace(result, std::regex("\\b" + name + R"(\.get\(\))"), "new " + type);
    result =
        std::regex_replace(result, std::regex("\\b" + name + R"(\.put\(([^;]*)\);)"), "delete $1;");
  }
  return result;
}

std::string without_threads(const std::string& program) {
  const std::string inline_thread =
      "namespace cheat {\n"
      "struct InlineThread {\n"
      "  template <typename F, typename... A>\n"
      "  explicit InlineThread(F&& f, A&&... a) { f(a...); }\n"
      "  void join() {}\n"
      "  void detach() {}\n"
      "  bool joinable() const { return false; }\n"
      "};\n"
      "}  // namespace cheat\n";
  const std::string body =
      std::regex_replace(program, std::regex(R"(std::thread\b)"), "cheat::InlineThread");
  const std::size_t after_includes = body.rfind("\n#include");
  const std::size_t at = body.find('\n', after_includes + 1) + 1;
  return body.substr(0, at) + inline_thread + body.substr(at);
}

// The code of a program without its comments and blank lines: a cheat that
// comes out as the reference fix (case 16's fix is removing a put) is no cheat.
std::string code_of(const std::string& program) {
  std::string code;
  for (std::string_view line : bughunt::lines_of(program)) {
    const std::string_view text = bughunt::trim(line.substr(0, line.find("//")));
    if (!text.empty()) code += std::string(text) + "\n";
  }
  return code;
}

struct Cheat {
  std::string name;
  std::string program;
};

// The edits that apply to `program`: one that would change nothing (no
// function returns a value, no pool of the library's Pool) is left out.
std::vector<Cheat> cheats_of(const std::string& program) {
  std::vector<Cheat> cheats = {
      {"empty-bodies", rewrite_functions(program, Body::kEmpty)},
      {"constant-result", rewrite_functions(program, Body::kConstantResult)},
      {"early-return", rewrite_functions(program, Body::kEarlyReturn)},
      {"no-pool", without_pools(program)}};
  if (program.find(".put(") != std::string::npos) {
    cheats.push_back({"no-put", without_puts(program)});
  }
  if (program.find("std::thread") != std::string::npos) {
    cheats.push_back({"no-threads", without_threads(program)});
  }
  std::erase_if(cheats, [&](const Cheat& cheat) { return cheat.program == program; });
  return cheats;
}

std::string verdict_of(int exit_code) {
  switch (exit_code) {
    case 0:
      return "PASSED";
    case 1:
      return "still broken";
    case 2:
      return "does not compile";
  }
  return "exit " + std::to_string(exit_code);
}

class CheatTest : public ::testing::TestWithParam<Case> {};

// No cheat edit of the broken program is graded as fixed.
TEST_P(CheatTest, NoCheatPassesAsFixed) {
  const Case& c = GetParam();
  const fs::path ws = fs::temp_directory_path() /
                      ("bughunt_cheat_" + std::to_string(::getpid()) + "_" + c.number());
  const std::string program = bughunt::read_file(fs::path(BUGHUNT_SOURCE_DIR) /
                                                 bughunt::source_path(c, bughunt::Variant::kBug));
  const auto cli = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {BUGHUNT_BINARY, "--workspace", ws.string()});
    return bughunt::run_process(args, std::chrono::minutes(20));
  };
  ASSERT_EQ(cli({"start", std::to_string(c.id)}).exit_code, 0);
  const std::string fix = bughunt::read_file(fs::path(BUGHUNT_SOURCE_DIR) /
                                             bughunt::source_path(c, bughunt::Variant::kFix));
  std::string row = "cheat table: case " + c.number();
  const std::vector<Cheat> cheats = cheats_of(program);
  EXPECT_GE(cheats.size(), 3u) << "fewer than three cheat edits apply to case " << c.number();
  for (const Cheat& cheat : cheats) {
    if (code_of(cheat.program) == code_of(fix)) {
      row += "  " + cheat.name + ": the fix itself;";
      continue;
    }
    std::ofstream(ws / bughunt::practice_file_name(c)) << cheat.program;
    const bughunt::Outcome out = cli({"check", std::to_string(c.id)});
    // Passing is honest only where the verdict says the pool was dropped.
    const bool says_pool_dropped =
        out.output.find("your version no longer reuses objects") != std::string::npos;
    EXPECT_TRUE(out.exit_code != 0 || says_pool_dropped) << cheat.name << " passed as fixed:\n"
                                                         << cheat.program;
    row += "  " + cheat.name + ": " + verdict_of(out.exit_code) +
           (out.exit_code == 0 && says_pool_dropped ? " (pool dropped, said so)" : "") + ";";
  }
  std::cout << row << "\n";
  fs::remove_all(ws);
}

INSTANTIATE_TEST_SUITE_P(Cases, CheatTest, ::testing::ValuesIn(bughunt::testing::practice_cases()),
                         [](const auto& info) { return "case" + info.param.number(); });

}  // namespace
