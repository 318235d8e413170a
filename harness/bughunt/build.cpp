#include "harness/bughunt/build.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <chrono>
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

}  // namespace

Outcome try_build(const fs::path& dir, const std::vector<std::string>& targets) {
  std::vector<std::string> argv = {"cmake", "--build", dir.string(), "--target"};
  argv.insert(argv.end(), targets.begin(), targets.end());
  const bool show_progress = isatty(STDERR_FILENO) == 1;
  try {
    StepCounter steps;
    return run_process(argv, std::chrono::hours(1), [&](std::string_view text) {
      if (show_progress) steps.feed(text);
    });
  } catch (const std::runtime_error& e) {
    throw Stop(2, fmt::format("{}; is cmake installed? scripts/bootstrap installs it", e.what()));
  }
}

void build(const Context& ctx, const fs::path& dir, const std::vector<std::string>& targets) {
  if (!ctx.build || targets.empty()) return;
  const Outcome built = try_build(dir, targets);
  if (built.exit_code != 0) {
    fmt::print(stderr, "{}", built.output);
    throw Stop(2, fmt::format("building {} failed (the build's output is above)",
                              fmt::join(targets, " ")));
  }
}

void configure(const fs::path& source_dir, const fs::path& dir,
               const std::vector<std::string>& options) {
  std::vector<std::string> argv = {"cmake", "-S", source_dir.string(), "-B", dir.string()};
  argv.insert(argv.end(), options.begin(), options.end());
  Outcome configured;
  try {
    configured = run_process(argv, std::chrono::minutes(10));
  } catch (const std::runtime_error& e) {
    throw Stop(2, fmt::format("{}; is cmake installed? scripts/bootstrap installs it", e.what()));
  }
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
