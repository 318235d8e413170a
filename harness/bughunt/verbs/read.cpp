// bughunt read [FILE] [--root DIR] [--all] [--json] [--sarif FILE] — the short report of any
// program's sanitizer, Valgrind or GoogleTest output (standard input by default), as `bughunt run`
// prints it for a case. Frames in files under the root (the current directory by default) are the
// program's, and their lines are quoted. --json prints the report model instead; --sarif FILE
// writes a SARIF 2.1.0 log too. Exit 1, with one line, when the text holds no report.
#include <fmt/format.h>

#include <iostream>
#include <iterator>

#include "harness/bughunt/report.h"
#include "harness/bughunt/report_json.h"
#include "harness/bughunt/report_short.h"
#include "harness/bughunt/sarif.h"
#include "harness/bughunt/text.h"
#include "harness/bughunt/verbs.h"

namespace bughunt {

namespace {

struct ReadArgs {
  std::string file;  // empty or "-": standard input
  std::string root;  // empty: the current directory
  bool all = false;
  bool json = false;
  std::string sarif;  // where to write the SARIF log; empty: nowhere
};

std::string input_text(const std::string& file) {
  if (!file.empty() && file != "-") {
    try {
      return read_file(file);
    } catch (const std::runtime_error& e) {
      throw Stop(2, e.what());
    }
  }
  return std::string(std::istreambuf_iterator<char>(std::cin), {});
}

// A frame in a file under the root is the caller's program, wherever the
// report model would place it by the repository's folders.
void claim_root_files(std::vector<Report>& reports, const std::filesystem::path& root) {
  for (Report& r : reports) {
    for (Stack& s : r.stacks) {
      for (Frame& f : s.frames) {
        if (f.place != Place::kLibrary || f.file.empty()) continue;
        const std::filesystem::path path(f.file);
        std::error_code error;
        if (!path.is_absolute() && std::filesystem::is_regular_file(root / path, error)) {
          f.place = Place::kProgram;
        }
      }
    }
  }
}

int read(const Context& ctx, const ReadArgs& args) {
  const std::filesystem::path root = std::filesystem::absolute(
      args.root.empty() ? std::filesystem::current_path() : std::filesystem::path(args.root));
  std::vector<Report> reports = read_reports(strip_colour(input_text(args.file)), 0,
                                             {.source_dir = root.string(), .program_files = {}});
  if (reports.empty()) {
    fmt::print(stderr, "bughunt: no sanitizer, Valgrind or GoogleTest report in {}\n",
               args.file.empty() || args.file == "-" ? "standard input" : args.file);
    return 1;
  }
  claim_root_files(reports, root);
  if (!args.sarif.empty()) write_sarif(args.sarif, sarif_log({sarif_run(reports, {.root = root})}));
  if (args.json) {
    fmt::print("{}\n", reports_json(reports).dump(2));
    return 0;
  }
  fmt::print("{}", short_report(reports, {.root = root, .colour = ctx.colour, .all = args.all}));
  return 0;
}

}  // namespace

Action setup_read(CLI::App& command) {
  auto args = std::make_shared<ReadArgs>();
  command.add_option("file", args->file, "The program's output (default: standard input)");
  command
      .add_option("--root", args->root,
                  "The source tree its frames are in (default: the current directory)")
      ->check(CLI::ExistingDirectory);
  command.add_flag("--all", args->all, "Every report in full, not only the first");
  command.add_flag("--json", args->json, "The report model, as JSON, instead of the short report");
  command.add_option("--sarif", args->sarif, "Also write the reports as a SARIF 2.1.0 log to FILE");
  return [args](Context& ctx) { return read(ctx, *args); };
}

}  // namespace bughunt
