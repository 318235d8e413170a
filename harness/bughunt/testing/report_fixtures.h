// harness/bughunt/testing/report_fixtures.h — the captured reports in
// testdata/ (made by scripts/capture-reports) and small helpers the report
// model's tests share to look at what was read.
#pragma once

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "harness/bughunt/report.h"
#include "harness/bughunt/text.h"

namespace bughunt::testing {

inline const std::filesystem::path kTestdata = BUGHUNT_SOURCE_DIR "/harness/bughunt/testdata";

// A gtest failure as a scenario prints it: the check, its values, its message.
inline constexpr char kGtestFailure[] =
    "[ RUN      ] GreetTest.Each\n"
    "harness/cases/01_greeter_test.cpp:21: Failure\n"
    "Expected equality of these values:\n"
    "  second\n"
    "    Which is: \"hello alicehello bob\"\n"
    "the greeting for bob carries alice's\n"
    "[  FAILED  ] GreetTest.Each (0 ms)\n";

// The text of testdata/<file>.
inline std::string fixture(const std::string& file) { return read_file(kTestdata / file); }

// Every captured report's file name in testdata/ (not exit_status.txt).
inline std::set<std::string> fixture_files() {
  std::set<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(kTestdata)) {
    const std::string name = entry.path().filename().string();
    if (name != "exit_status.txt") files.insert(name);
  }
  return files;
}

// The exit status each fixture's run ended with, as the capture script saved it; -1 for none.
inline int exit_status(const std::string& file) {
  static const std::map<std::string, int> statuses = [] {
    std::map<std::string, int> m;
    std::istringstream in(fixture("exit_status.txt"));
    std::string name;
    int status = 0;
    while (in >> name >> status) m[name] = status;
    return m;
  }();
  const auto it = statuses.find(file);
  return it == statuses.end() ? -1 : it->second;
}

// The reports read from testdata/<file>, placed as the repository's own.
inline std::vector<Report> reports_of(const std::string& file) {
  return read_reports(fixture(file), exit_status(file));
}

// A text with what changes from run to run masked: pids, addresses, system thread ids.
inline std::string stable(std::string text) {
  text = std::regex_replace(text, std::regex(R"(pid=\d+)"), "pid=N");
  text = std::regex_replace(text, std::regex("0x[0-9a-fA-F]+"), "0x_");
  return std::regex_replace(text, std::regex(R"(\bT\d{3,}\b)"), "T_");
}

// "access, previous access, ...": the roles of r's stacks, in order.
inline std::string roles(const Report& r) {
  std::string out;
  for (const Stack& s : r.stacks) out += fmt::format("{}{}", out.empty() ? "" : ", ", name(s.role));
  return out;
}

// where() of the first program frame; "" when there is none.
inline std::string first_where(const std::vector<Report>& reports) {
  const Frame* f = first_program_frame(reports);
  return f ? where(*f) : "";
}

}  // namespace bughunt::testing
