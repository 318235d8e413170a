#include "harness/bughunt/build.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <nlohmann/json.hpp>
#include <regex>

#include "harness/bughunt/process.h"
#include "harness/bughunt/text.h"

namespace fs = std::filesystem;

namespace bughunt {

namespace {

// Ninja's "[12/80]" steps, shown as one line that rewrites itself.
class StepCounter {
 public:
  void feed(std::string_view text) {
    static const std::regex step(R"(\[(\d+)/(\d+)\])");
    pending_.append(text);
    std::string last;
    for (auto it = std::sregex_iterator(pending_.begin(), pending_.end(), step);
         it != std::sregex_iterator(); ++it) {
      last = fmt::format("\rbuilding: step {} of {} ", (*it)[1].str(), (*it)[2].str());
    }
    if (!last.empty()) {
      fmt::print(stderr, "{}", last);
      shown_ = true;
    }
    const std::size_t newline = pending_.rfind('\n');
    if (newline != std::string::npos) pending_.erase(0, newline);
  }
  ~StepCounter() {
    if (shown_) fmt::print(stderr, "\r\033[K");
  }

 private:
  std::string pending_;
  bool shown_ = false;
};

// Runs cmake with `argv`; throws Stop, with advice on installing it, when it cannot start.
Outcome run_cmake(const std::vector<std::string>& argv,
                  const std::function<void(std::string_view)>& on_output = {}) {
  try {
    return run_process(argv, std::chrono::hours(1), on_output);
  } catch (const std::runtime_error& e) {
    throw Stop(2, fmt::format("{}; is cmake installed? scripts/bootstrap installs it", e.what()));
  }
}

// configure_tree() without the lock, for a caller that holds it.
void configure_locked(const fs::path& source_dir, const fs::path& dir, const std::string& preset) {
  const std::string damage = tree_damage(dir);
  if (damage.empty()) return;
  const bool fresh = fs::exists(dir / "CMakeCache.txt");
  if (fresh) {
    fmt::print(stderr, "bughunt: the build tree {} is damaged ({}); configuring it afresh\n",
               dir.string(), damage);
  } else {
    fmt::print(stderr, "bughunt: configuring {} (preset {})\n", dir.string(), preset);
  }
  std::vector<std::string> argv = {"cmake", "-S", source_dir.string(), "--preset",
                                   preset,  "-B", dir.string()};
  if (fresh) argv.push_back("--fresh");
  const Outcome configured = run_cmake(argv);
  if (configured.exit_code != 0) {
    fmt::print(stderr, "{}", configured.output);
    throw Stop(2, fmt::format("configuring {} failed (its output is above); if it fails again, "
                              "remove the tree (rm -rf {}) and run again",
                              dir.string(), dir.string()));
  }
}

// The configure preset whose build tree is `dir`: the one whose binaryDir it
// is, else "dev" for the tree this bughunt was built in.
std::string preset_of(const Context& ctx, const fs::path& dir) {
  const nlohmann::json presets =
      nlohmann::json::parse(read_file(ctx.source_dir / "CMakePresets.json"));
  for (const nlohmann::json& p : presets.at("configurePresets")) {
    const std::string name = p.value("name", "");
    if (fs::weakly_canonical(preset_tree(ctx.source_dir, name)) == fs::weakly_canonical(dir)) {
      return name;
    }
  }
  if (fs::weakly_canonical(dir) == fs::weakly_canonical(ctx.build_dir)) return "dev";
  throw Stop(2,
             fmt::format("the build tree {} is no preset's; configure it yourself", dir.string()));
}

// Says why a build failed, in one line where one line says it.
[[noreturn]] void fail_build(const fs::path& dir, const std::vector<std::string>& targets,
                             const std::string& output) {
  if (access(dir.c_str(), W_OK) != 0) {
    throw Stop(2, fmt::format("{} must be built, and the build tree {} cannot be written; build "
                              "it as the tree's owner, or run what is built (--no-build)",
                              fmt::join(targets, " "), dir.string()));
  }
  fmt::print(stderr, "{}", output);
  if (output.find("ninja: error: build.ninja") != std::string::npos) {
    throw Stop(2, fmt::format("the build tree's build.ninja is unreadable; remove the tree (rm "
                              "-rf {}) and run again",
                              dir.string()));
  }
  throw Stop(
      2, fmt::format("building {} failed (the build's output is above)", fmt::join(targets, " ")));
}

}  // namespace

TreeLock::TreeLock(const fs::path& tree) {
  std::error_code ignored;
  fs::create_directories(tree, ignored);
  const fs::path file = tree / ".bughunt.lock";
  fd_ = open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  // A tree others built and this user may only read: flock() works on a read-only file too.
  if (fd_ < 0) fd_ = open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    throw Stop(2, fmt::format("cannot write in the build tree {} ({}); bughunt can run only what "
                              "is built there (--no-build)",
                              tree.string(), std::strerror(errno)));
  }
  if (flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
  fmt::print(stderr, "bughunt: waiting for another bughunt to finish building…\n");
  while (flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
  }
}

TreeLock::~TreeLock() { close(fd_); }

std::string tree_damage(const fs::path& dir) {
  if (!fs::exists(dir / "CMakeCache.txt")) return "it is not configured";
  std::error_code error;
  if (!fs::exists(dir / "build.ninja")) return "its build.ninja is missing";
  if (fs::file_size(dir / "build.ninja", error) == 0) return "its build.ninja is empty";
  bool identified = false;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir / "CMakeFiles", error)) {
    const fs::path compiler = entry.path() / "CMakeCXXCompiler.cmake";
    if (!fs::exists(compiler)) continue;
    if (read_file(compiler).find("set(CMAKE_CXX_COMPILER_ID \"\")") != std::string::npos) {
      return "its compiler id is empty";
    }
    identified = true;
  }
  return identified ? "" : "its compiler was never identified";
}

void configure_tree(const fs::path& source_dir, const fs::path& dir, const std::string& preset) {
  const TreeLock lock(dir);
  configure_locked(source_dir, dir, preset);
}

void build(const Context& ctx, const fs::path& dir, const std::vector<std::string>& targets) {
  if (!ctx.build || targets.empty()) return;
  const TreeLock lock(dir);
  if (!tree_damage(dir).empty()) configure_locked(ctx.source_dir, dir, preset_of(ctx, dir));
  for (const std::string& target : targets) {
    // A damaged binary (emptied, truncated) looks up to date to ninja: remove it to rebuild it.
    std::error_code ignored;
    if (fs::exists(dir / target) && !binary_problem(dir / target).empty()) {
      fs::remove(dir / target, ignored);
    }
  }
  const Outcome built = try_build(dir, targets);
  if (built.exit_code != 0) fail_build(dir, targets, built.output);
}

Outcome try_build(const fs::path& dir, const std::vector<std::string>& targets) {
  std::vector<std::string> argv = {"cmake", "--build", dir.string(), "--target"};
  argv.insert(argv.end(), targets.begin(), targets.end());
  const bool show_progress = isatty(STDERR_FILENO) == 1;
  StepCounter steps;
  return run_cmake(argv, [&](std::string_view text) {
    if (show_progress) steps.feed(text);
  });
}

void configure(const fs::path& source_dir, const fs::path& dir,
               const std::vector<std::string>& options) {
  std::vector<std::string> argv = {"cmake", "-S", source_dir.string(), "-B", dir.string()};
  argv.insert(argv.end(), options.begin(), options.end());
  const Outcome configured = run_cmake(argv);
  if (configured.exit_code != 0) {
    fmt::print(stderr, "{}", configured.output);
    throw Stop(2, fmt::format("configuring {} failed (cmake's output is above)", dir.string()));
  }
}

fs::path preset_tree(const fs::path& source_dir, const std::string& preset) {
  const nlohmann::json presets = nlohmann::json::parse(read_file(source_dir / "CMakePresets.json"));
  std::string name = preset;
  for (int depth = 0; depth < 8; ++depth) {
    const nlohmann::json* found = nullptr;
    for (const nlohmann::json& p : presets.at("configurePresets")) {
      if (p.value("name", "") == name) found = &p;
    }
    if (found == nullptr) break;
    if (found->contains("binaryDir")) {
      std::string dir = (*found)["binaryDir"].get<std::string>();
      for (const auto& [macro, value] :
           {std::pair<std::string, std::string>{"${sourceDir}", source_dir.string()},
            {"${presetName}", preset}}) {
        for (std::size_t at; (at = dir.find(macro)) != std::string::npos;)
          dir.replace(at, macro.size(), value);
      }
      return fs::path(dir).is_absolute() ? fs::path(dir) : source_dir / dir;
    }
    if (!found->contains("inherits")) break;
    const nlohmann::json& inherits = (*found)["inherits"];
    name = inherits.is_array() ? inherits.front().get<std::string>() : inherits.get<std::string>();
  }
  throw Stop(
      2, fmt::format("CMakePresets.json has no configure preset '{}' with a binaryDir", preset));
}

}  // namespace bughunt
