// harness/bughunt/testing/practice_cases.h — the cases the practice tests
// (flow_test, cheat_test) drive: $BUGHUNT_FLOW_CASES ("all", or ids), else a
// representative few for ctest: an assertion case, a race and a memory case.
#pragma once

#include <cstdlib>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "harness/bughunt/manifest.h"
#include "harness/bughunt/testing/temp_manifest.h"

namespace bughunt {

// gtest names a case by its number, not its bytes.
inline void PrintTo(const Case& c, std::ostream* out) { *out << "case " << c.number(); }

namespace testing {

inline constexpr const char* kDefaultPracticeCases = "1 2 8";

inline std::vector<Case> practice_cases() {
  const std::vector<Case> all = load_manifest(kManifest);
  const char* env = std::getenv("BUGHUNT_FLOW_CASES");
  const std::string wanted = env != nullptr && *env != '\0' ? env : kDefaultPracticeCases;
  if (wanted == "all") return all;
  std::vector<Case> chosen;
  std::istringstream ids(wanted);
  for (std::string id; ids >> id;) chosen.push_back(*find_case(all, id));
  return chosen;
}

}  // namespace testing
}  // namespace bughunt
