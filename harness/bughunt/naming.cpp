#include "harness/bughunt/naming.h"

#include <fmt/format.h>

namespace bughunt {

std::string_view name(Variant v) { return v == Variant::kBug ? "bug" : "fix"; }

std::string target_name(const Case& c, Variant v, Flavour f) {
  return fmt::format("case{}_{}_{}", c.number(), name(v), name(f));
}

std::filesystem::path source_path(const Case& c, Variant v) {
  return std::filesystem::path(v == Variant::kBug ? "bugs" : "fixes") / (c.stem() + ".cpp");
}

std::filesystem::path scenario_path(const Case& c) {
  return std::filesystem::path("harness") / "cases" / (c.stem() + "_test.cpp");
}

std::string practice_file_name(const Case& c) { return fmt::format("case{}.cpp", c.number()); }

std::string practice_target(const Case& c, Flavour f) {
  return fmt::format("case{}_mine_{}", c.number(), name(f));
}

}  // namespace bughunt
