// harness/bughunt/testing/cli.h — the bughunt binary run as a user runs it,
// for the tests of its verbs (--no-build: the test run comes after the
// build, and must not start another).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "harness/bughunt/process.h"

namespace bughunt::testing {

// `bughunt --no-build ARGS...`: its exit status and its output. Its practice
// workspace does not exist, so a trainee's progress cannot change what the
// verbs show (diff refuses a case in practice that is not solved).
inline Outcome bughunt_cli(std::vector<std::string> args) {
  args.insert(args.begin(),
              {BUGHUNT_BINARY, "--no-build", "--workspace", "/nonexistent/bughunt-test-workspace"});
  return run_process(args, std::chrono::seconds(120));
}

// The last line of `text`, without its '\n'.
inline std::string last_line(const std::string& text) {
  const std::string trimmed = text.substr(0, text.find_last_not_of('\n') + 1);
  return trimmed.substr(trimmed.rfind('\n') + 1);
}

}  // namespace bughunt::testing
