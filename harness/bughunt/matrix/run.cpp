// Running the matrix: choosing the detectors this machine has, building
// their binaries, and running every cell.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

#include "harness/bughunt/build.h"
#include "harness/bughunt/matrix/matrix.h"
#include "harness/bughunt/text.h"

namespace fs = std::filesystem;

namespace bughunt {

namespace {

// The compiler a configured tree uses, from its cache.
std::string tree_compiler(const fs::path& tree, const std::string& fallback) {
  static const std::regex entry(R"(^CMAKE_CXX_COMPILER:[A-Z]+=(.*)$)");
  if (!fs::exists(tree / "CMakeCache.txt")) return fallback;
  std::istringstream cache(read_file(tree / "CMakeCache.txt"));
  std::string line;
  std::smatch m;
  while (std::getline(cache, line)) {
    if (std::regex_match(line, m, entry)) return m[1].str();
  }
  return fallback;
}

// The first line of `program --version` that names a version; empty when the
// program does not run.
std::string version_of(const std::string& program) {
  try {
    const Outcome out = run_process({program, "--version"}, std::chrono::seconds(30));
    if (out.exit_code != 0) return {};
    for (std::string_view line : lines_of(out.output)) {
      if (line.find("version") != std::string_view::npos || line.starts_with("valgrind-") ||
          line.find(") ") != std::string_view::npos) {
        return std::string(trim(line));
      }
    }
    return std::string(trim(lines_of(out.output).empty() ? "" : lines_of(out.output).front()));
  } catch (const std::runtime_error&) {
    return {};
  }
}

// A compilation database with only the plain flavour's commands, so that
// clang-tidy analyses each source once, as the plain build compiles it.
fs::path plain_compile_commands(const fs::path& clang_build) {
  const fs::path from = clang_build / "compile_commands.json";
  std::ifstream in(from);
  if (!in)
    throw std::runtime_error(fmt::format("{} is missing; configure the tree", from.string()));
  const nlohmann::json all = nlohmann::json::parse(in);
  nlohmann::json plain = nlohmann::json::array();
  for (const nlohmann::json& entry : all) {
    const std::string command =
        entry.contains("command") ? entry["command"].get<std::string>() : entry.dump();
    if (command.find("-DBUGHUNT_FLAVOUR_plain=1") != std::string::npos) plain.push_back(entry);
  }
  const fs::path dir = clang_build / "matrix";
  fs::create_directories(dir);
  std::ofstream(dir / "compile_commands.json") << plain.dump(1);
  return dir;
}

// A fingerprint of the sources every cell depends on (cases, pool, harness),
// so that two runs' JSON files say whether they measured the same code.
std::string source_fingerprint(const fs::path& source_dir) {
  std::vector<fs::path> files;
  for (const char* dir : {"bugs", "fixes", "harness/cases", "harness", "pool"}) {
    if (!fs::is_directory(source_dir / dir)) continue;
    for (const fs::directory_entry& e : fs::directory_iterator(source_dir / dir)) {
      const std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".cpp" || ext == ".h")) files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a
  for (const fs::path& file : files) {
    for (char ch : fs::relative(file, source_dir).string() + '\0' + read_file(file)) {
      hash = (hash ^ static_cast<unsigned char>(ch)) * 1099511628211ull;
    }
  }
  return fmt::format("{:016x} ({} files)", hash, files.size());
}

std::string today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
  return text;
}
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The chosen detectors whose tools run here; the others go to run.not_run.
void choose_detectors(const MatrixOptions& options, MatrixRun& run) {
  const std::map<std::string, std::string> programs = {
      {"clang", tree_compiler(options.clang_build, "clang++")},
      {"gcc", tree_compiler(options.gcc_build, "g++")},
      {"valgrind", "valgrind"},
      {"clang-tidy", "clang-tidy"}};
  std::map<std::string, std::string> versions;
  for (const auto& [tool, program] : programs) versions[tool] = version_of(program);
  for (const MatrixDetector& d : detectors()) {
    if (!options.detectors.empty() && std::find(options.detectors.begin(), options.detectors.end(),
                                                d.name) == options.detectors.end()) {
      continue;
    }
    std::vector<std::string> missing;
    for (const std::string& tool : d.needs) {
      if (versions[tool].empty()) missing.push_back(programs.at(tool));
    }
    if (!missing.empty()) {
      run.not_run.push_back(
          fmt::format("{} ({} does not run here)", d.name, fmt::join(missing, ", ")));
      fmt::print(stderr, "matrix: not running {}: {} does not run here\n", d.name,
                 fmt::join(missing, ", "));
      continue;
    }
    run.detectors.push_back(&d);
    for (const std::string& tool : d.needs) run.tools[tool] = versions[tool];
  }
}

fs::path tree_dir(const MatrixOptions& options, Tree t) {
  return t == Tree::kClang ? options.clang_build : options.gcc_build;
}

fs::path binary(const MatrixOptions& options, const Case& c, Variant v, const MatrixDetector& d) {
  return tree_dir(options, d.tree) / target_name(c, v, d.flavour);
}

void configure_gcc_tree(const MatrixOptions& options) {
  configure_tree(options.source_dir, options.gcc_build, "gcc");
}

// Builds what the chosen detectors run, one build per tree.
void build_binaries(const MatrixOptions& options, const MatrixRun& run) {
  for (Tree t : {Tree::kClang, Tree::kGcc}) {
    std::set<std::string> targets;
    for (const MatrixDetector* d : run.detectors) {
      if (d->tree != t || d->format == ReportFormat::kClangTidy) continue;
      for (const Case& c : run.cases) {
        for (Variant v : {Variant::kBug, Variant::kFix}) {
          targets.insert(target_name(c, v, d->flavour));
        }
      }
    }
    if (targets.empty()) continue;
    if (t == Tree::kGcc) configure_gcc_tree(options);
    const fs::path dir = tree_dir(options, t);
    fmt::print(stderr, "matrix: building {} binaries in {}\n", targets.size(), dir.string());
    options.build_targets(dir, {targets.begin(), targets.end()});
  }
}

// Runs the cells and reports progress, one line a cell (rewritten on a terminal).
class CellRunner {
 public:
  CellRunner(const MatrixOptions& options, MatrixRun& run) : options_(options), run_(run) {
    total_ = run.cases.size() * run.detectors.size() * 2;
    for (const MatrixDetector* d : run.detectors) {
      if (d->format == ReportFormat::kClangTidy)
        tidy_db_ = plain_compile_commands(options.clang_build);
    }
  }
  ~CellRunner() {
    if (terminal_ && !run_.cells.empty()) fmt::print(stderr, "\n");
  }

  void run_dynamic(int index, const MatrixDetector& d) {
    const Case& c = run_.cases[index];
    for (Variant v : {Variant::kBug, Variant::kFix}) {
      const fs::path program = binary(options_, c, v, d);
      if (!fs::exists(program)) {
        throw std::runtime_error(
            fmt::format("{} is not built; run without --no-build", program.string()));
      }
      std::vector<std::string> argv = d.wrapper;
      argv.push_back(program.string());
      argv.push_back("--gtest_color=no");
      const auto t0 = std::chrono::steady_clock::now();
      const Outcome outcome = run_process(argv, options_.limit);
      record(index, v, d, classify(d.format, v, outcome), outcome, seconds_since(t0));
    }
  }

  // clang-tidy reads both files first: each variant's warnings are judged
  // against the other's.
  void run_tidy(int index, const MatrixDetector& d) {
    const Case& c = run_.cases[index];
    Outcome outcome[2];
    double seconds[2];
    std::vector<TidyWarning> warnings[2];
    std::string file[2];
    for (Variant v : {Variant::kBug, Variant::kFix}) {
      const int i = v == Variant::kBug ? 0 : 1;
      file[i] = source_path(c, v).string();
      const auto t0 = std::chrono::steady_clock::now();
      outcome[i] =
          run_process({"clang-tidy", "-p", tidy_db_.string(), "--quiet",
                       (options_.source_dir / file[i]).string()},  // checks: the root's .clang-tidy
                      options_.limit);
      seconds[i] = seconds_since(t0);
      warnings[i] = tidy_warnings(outcome[i].output, file[i]);
    }
    for (Variant v : {Variant::kBug, Variant::kFix}) {
      const int i = v == Variant::kBug ? 0 : 1;
      record(index, v, d, classify_tidy(v, outcome[i], file[i], warnings[1 - i]), outcome[i],
             seconds[i]);
    }
  }

 private:
  void record(int index, Variant v, const MatrixDetector& d, Finding finding,
              const Outcome& outcome, double seconds) {
    finding.evidence = normalise_evidence(finding.evidence, options_.source_dir.string());
    run_.cells.push_back({index, v, &d, finding, seconds, outcome.exit_code, outcome.timed_out,
                          outcome.hung_after_report});
    const std::string line =
        fmt::format("[{:>{}}/{}] case {} {} {:<8} {} ({:.1f} s)", run_.cells.size(),
                    std::to_string(total_).size(), total_, run_.cases[index].number(), name(v),
                    d.name, name(finding.result), seconds);
    if (terminal_) {
      fmt::print(stderr, "\r{}\033[K", line);
    } else {
      fmt::print(stderr, "{}\n", line);
    }
  }

  const MatrixOptions& options_;
  MatrixRun& run_;
  std::size_t total_ = 0;
  fs::path tidy_db_;
  const bool terminal_ = isatty(STDERR_FILENO) == 1;
};

}  // namespace

const Cell* MatrixRun::find(int case_index, const MatrixDetector& d, Variant v) const {
  for (const Cell& cell : cells) {
    if (cell.case_index == case_index && cell.d == &d && cell.variant == v) return &cell;
  }
  return nullptr;
}

MatrixRun run_matrix(const std::vector<Case>& cases, const MatrixOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  MatrixRun run;
  run.cases = cases;
  run.limit = options.limit;
  choose_detectors(options, run);
  const auto build_started = std::chrono::steady_clock::now();
  if (options.build) build_binaries(options, run);
  run.build_seconds = seconds_since(build_started);
  {
    CellRunner runner(options, run);
    for (int i = 0; i < static_cast<int>(run.cases.size()); ++i) {
      for (const MatrixDetector* d : run.detectors) {
        d->format == ReportFormat::kClangTidy ? runner.run_tidy(i, *d) : runner.run_dynamic(i, *d);
      }
    }
  }
  run.total_seconds = seconds_since(started);
  run.date = today_utc();
  run.sources = source_fingerprint(options.source_dir);
  return run;
}

}  // namespace bughunt
