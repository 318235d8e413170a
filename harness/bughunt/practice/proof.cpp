#include "harness/bughunt/practice/proof.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "harness/bughunt/text.h"

namespace bughunt {

std::vector<std::string> listed_tests(std::string_view list_output) {
  std::vector<std::string> tests;
  std::string suite;
  for (std::string_view line : lines_of(list_output)) {
    const std::string_view name = trim(line.substr(0, line.find('#')));
    if (name.empty()) continue;
    if (line.front() != ' ') {
      suite = std::string(name.substr(0, name.rfind('.')));  // "Suite." opens a suite
    } else if (!suite.empty()) {
      tests.push_back(fmt::format("{}.{}", suite, name));
    }
  }
  return tests;
}

std::string unproven(std::string_view json, const std::vector<std::string>& expected) {
  if (json.empty()) return "the scenario ended before GoogleTest wrote its report";
  std::vector<std::string> passed;
  try {
    const nlohmann::json doc = nlohmann::json::parse(json);
    for (const nlohmann::json& suite : doc.at("testsuites")) {
      for (const nlohmann::json& test : suite.at("testsuite")) {
        const bool ok = test.value("status", "") == "RUN" &&
                        test.value("result", "") == "COMPLETED" && !test.contains("failures");
        if (ok)
          passed.push_back(fmt::format("{}.{}", suite.at("name").get<std::string>(),
                                       test.at("name").get<std::string>()));
      }
    }
  } catch (const nlohmann::json::exception& e) {
    return fmt::format("GoogleTest's report cannot be read ({})", one_line(e.what()));
  }
  const auto count = std::count_if(expected.begin(), expected.end(), [&](const std::string& t) {
    return std::find(passed.begin(), passed.end(), t) != passed.end();
  });
  if (expected.empty()) return "the scenario lists no test";
  if (count == static_cast<long>(expected.size())) return "";
  return fmt::format("GoogleTest's report lists {} of the scenario's {} tests as passed", count,
                     expected.size());
}

std::optional<std::uint64_t> pool_hits(std::string_view json) {
  try {
    const nlohmann::json doc = nlohmann::json::parse(json);
    // GoogleTest writes properties as strings.
    const std::uint64_t gets = std::stoull(doc.at("pool_gets").get<std::string>());
    const std::uint64_t misses = std::stoull(doc.at("pool_misses").get<std::string>());
    if (misses > gets) return std::nullopt;
    return gets - misses;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  } catch (const std::logic_error&) {  // std::stoull: not a number
    return std::nullopt;
  }
}

}  // namespace bughunt
