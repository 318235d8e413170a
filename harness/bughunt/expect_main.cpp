// bughunt_expect — ctest's judge of one test binary.
//
//   bughunt_expect clean BINARY [ARGS...]
//   bughunt_expect fails-with TEXT BINARY [ARGS...]
//
// Runs BINARY, prints what it printed, and exits 0 when the run kept the
// promise: `clean`, exit 0 and no sanitizer report; `fails-with`, a non-zero
// exit whose output holds TEXT (a plain substring). The rules are the
// command line's own (verdict.h), so ctest and `bughunt verify` agree.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "harness/bughunt/process.h"
#include "harness/bughunt/verdict.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const bool clean = !args.empty() && args[0] == "clean";
  const std::size_t binary_at = clean ? 1 : 2;
  if (args.size() <= binary_at || (!clean && args[0] != "fails-with")) {
    fmt::print(stderr, "usage: bughunt_expect clean BINARY | fails-with TEXT BINARY\n");
    return 2;
  }
  try {
    const std::vector<std::string> command(args.begin() + binary_at, args.end());
    const bughunt::Outcome outcome = bughunt::run_process(command, std::chrono::seconds(600));
    std::fwrite(outcome.output.data(), 1, outcome.output.size(), stdout);
    const std::string seen = bughunt::what_it_showed(outcome);
    if (clean) {
      if (bughunt::runs_clean(outcome)) return 0;
      fmt::print("expected a clean run, got: {}\n", seen);
      return 1;
    }
    if (bughunt::fails_with(outcome, args[1])) {
      fmt::print("failed as declared: {}\n", args[1]);
      return 0;
    }
    fmt::print("expected a failure showing \"{}\", got: {}\n", args[1], seen);
    return 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "bughunt_expect: {}\n", e.what());
    return 2;
  }
}
