// bughunt — the command line for the twenty broken pool programs.
//
// It reads the case manifest (harness/cases/cases.json), builds the binaries
// a verb needs in the project's build tree (quietly, unless the build fails),
// runs them and says what they showed. The verbs are the table in verbs.cpp;
// `bughunt` alone prints them.
//
// Exit status: a run's own status for `run`; 1 when `verify` finds a case
// that breaks its promise; 2 for a usage error (unknown case, bad flag) or
// when the build or the toolchain fails. Ctrl-C, TERM and HUP stop the child
// being run (process.h), then bughunt dies of the same signal (130, 143, 129).
#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string_view>
#include <vector>

#include "harness/bughunt/context.h"
#include "harness/bughunt/process.h"
#include "harness/bughunt/verbs.h"

namespace bughunt {
namespace {

// The cases the tree's configure step listed (cmake/Cases.cmake); none when
// it is not configured.
std::vector<std::string> built_cases(const std::filesystem::path& build_dir) {
  std::ifstream in(build_dir / "bughunt_cases.txt");
  std::vector<std::string> stems;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) stems.push_back(line);
  }
  return stems;
}

// Colour on a terminal that shows it: stdout a terminal, NO_COLOR unset or
// empty, TERM set and not "dumb".
bool wants_colour() {
  const char* no_colour = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) == 1 && (no_colour == nullptr || *no_colour == '\0') &&
         term != nullptr && *term != '\0' && std::string_view(term) != "dumb";
}

// A verb's status, unless its output could not be written (a full disk, a
// closed pipe): then one line saying so, and 2.
int written(int status) {
  if (std::fflush(stdout) == 0 && std::ferror(stdout) == 0) return status;
  const int error = errno;
  fmt::print(stderr, "bughunt: cannot write the output: {}\n", std::strerror(error));
  return 2;
}

// --workspace, else $BUGHUNT_WORKSPACE, else workspace/ in the repository.
std::filesystem::path chosen_workspace(const std::string& option,
                                       const std::filesystem::path& source_dir) {
  if (!option.empty()) return option;
  const char* env = std::getenv("BUGHUNT_WORKSPACE");
  if (env != nullptr && *env != '\0') return env;
  return source_dir / "workspace";
}

int main_with(int argc, char** argv) {
  Context ctx{
      .source_dir = BUGHUNT_SOURCE_DIR,
      .build_dir = BUGHUNT_BINARY_DIR,
      .manifest = std::filesystem::path(BUGHUNT_SOURCE_DIR) / "harness" / "cases" / "cases.json"};
  ctx.colour = wants_colour();

  CLI::App app{"bughunt: broken object-pool programs, their reports and their fixes", "bughunt"};
  std::string manifest_path;
  app.add_option("--manifest", manifest_path, "Read the cases from this manifest")
      ->check(CLI::ExistingFile);
  std::string workspace;
  app.add_option("--workspace", workspace,
                 "The practice workspace (default: $BUGHUNT_WORKSPACE, else workspace/ in the "
                 "repository)");
  bool no_build = false;
  app.add_flag("--no-build", no_build, "Run what is built; never start the build");
  app.require_subcommand(0, 1);
  app.fallthrough();  // options after the verb too: run 1 --no-build, check 2 --workspace DIR

  std::vector<std::pair<CLI::App*, Action>> actions;
  for (const Verb& verb : verbs()) {
    CLI::App* command = app.add_subcommand(std::string(verb.name), std::string(verb.summary));
    actions.emplace_back(command, verb.setup(*command));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    throw Stop(2, fmt::format("{} (see bughunt --help)", e.what()));
  }
  if (!manifest_path.empty()) ctx.manifest = manifest_path;
  ctx.build = !no_build;
  ctx.workspace = std::filesystem::absolute(chosen_workspace(workspace, ctx.source_dir));
  try {
    ctx.cases = load_manifest(ctx.manifest);
  } catch (const std::runtime_error& e) {
    throw Stop(2, e.what());
  }
  try {
    check_case_files(ctx.cases, ctx.source_dir);
  } catch (const std::runtime_error& e) {
    throw Stop(2, fmt::format("{}: {}", ctx.manifest.string(), e.what()));
  }
  ctx.built = built_cases(ctx.build_dir);
  for (auto& [command, action] : actions) {
    if (command->parsed()) return action(ctx);
  }
  print_guide(ctx);
  return 0;
}

}  // namespace
}  // namespace bughunt

int main(int argc, char** argv) {
  bughunt::forward_stop_signals();
  try {
    return bughunt::written(bughunt::main_with(argc, argv));
  } catch (const bughunt::Interrupted& e) {
    std::fflush(nullptr);
    bughunt::die_of(e.signal);
  } catch (const bughunt::Stop& e) {
    fmt::print(stderr, "bughunt: {}\n", e.what());
    return e.code;
  } catch (const std::exception& e) {
    // {fmt} throws when a print finds stdout full or closed: say so as written() does.
    if (std::ferror(stdout) != 0) return bughunt::written(2);
    fmt::print(stderr, "bughunt: {}\n", e.what());
    return 2;
  }
}
