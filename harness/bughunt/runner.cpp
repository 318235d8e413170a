#include "harness/bughunt/runner.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>

namespace bughunt {

Outcome run_case(const Context& ctx, const Case& c, Variant v, Flavour f, bool echo) {
  const std::filesystem::path binary = ctx.binary(c, v, f);
  if (const std::string problem = binary_problem(binary); !problem.empty()) {
    throw Stop(2, fmt::format("{} {}; {}", binary.string(), problem,
                              ctx.build ? "its build did not make it" : "run without --no-build"));
  }
  const std::vector<std::string> argv = {binary.string(),
                                         ctx.colour ? "--gtest_color=yes" : "--gtest_color=no"};
  return run_process(argv, kRunLimit, [&](std::string_view text) {
    if (echo) {
      std::fwrite(text.data(), 1, text.size(), stdout);
      std::fflush(stdout);
    }
  });
}

void colour_sanitizer_reports() {
  for (const char* var : {"ASAN_OPTIONS", "TSAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
    const char* old = std::getenv(var);
    const std::string value = old && *old ? fmt::format("{}:color=always", old) : "color=always";
    setenv(var, value.c_str(), 1);
  }
}

}  // namespace bughunt
