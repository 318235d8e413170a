// harness/bughunt/verbs.h — the table of verbs, which drives dispatch, the
// guide (bughunt with no verb) and --help.
//
// A verb is one file in verbs/ with one setup function: it adds its
// arguments and flags to its CLI11 subcommand and returns the action to run
// once the command line is parsed and the manifest read. A new verb is that
// file and one row in verbs.cpp.
//
// Example (verbs/hint.cpp):
//
//   Action setup_hint(CLI::App& command) {
//     auto id = add_case_argument(command);
//     return [id](Context& ctx) { ...; return 0; };
//   }
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "harness/bughunt/context.h"

namespace bughunt {

// What a verb does, given the parsed command line; returns the exit status.
using Action = std::function<int(Context&)>;

struct Verb {
  std::string_view name;
  std::string_view arguments;  // as the guide shows them: "N", "[N...]"
  std::string_view summary;    // one line, for the guide and --help
  Action (*setup)(CLI::App& command);
};

// Every verb, in the guide's order.
std::span<const Verb> verbs();

// The guide: what bughunt prints with no verb.
void print_guide(const Context& ctx);

// Adds the required "case" argument (a number or a slug) to `command`.
std::shared_ptr<std::string> add_case_argument(CLI::App& command);

Action setup_list(CLI::App& command);
Action setup_show(CLI::App& command);
Action setup_run(CLI::App& command);
Action setup_read(CLI::App& command);
Action setup_start(CLI::App& command);
Action setup_check(CLI::App& command);
Action setup_watch(CLI::App& command);
Action setup_hint(CLI::App& command);
Action setup_progress(CLI::App& command);
Action setup_reset(CLI::App& command);
Action setup_diff(CLI::App& command);
Action setup_review(CLI::App& command);
Action setup_explain(CLI::App& command);
Action setup_verify(CLI::App& command);
Action setup_checklist(CLI::App& command);
Action setup_matrix(CLI::App& command);
Action setup_pack(CLI::App& command);

}  // namespace bughunt
