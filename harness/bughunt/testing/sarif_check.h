// harness/bughunt/testing/sarif_check.h — the official SARIF 2.1.0 schema
// check (scripts/sarif/validate.mjs: ajv on OASIS's schema), for every test
// that writes a SARIF log, and a temporary folder to write them in.
#pragma once

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "harness/bughunt/process.h"

namespace bughunt::testing {

inline const std::filesystem::path kSarifCheck =
    std::filesystem::path(BUGHUNT_SOURCE_DIR) / "scripts" / "sarif";

// The validator's verdict on `files`: exit 0 when every one is valid; its output names each.
inline Outcome check_sarif(const std::vector<std::filesystem::path>& files) {
  std::vector<std::string> argv = {BUGHUNT_NODE, (kSarifCheck / "validate.mjs").string(),
                                   (kSarifCheck / "sarif-schema-2.1.0.json").string()};
  for (const auto& f : files) argv.push_back(f.string());
  return run_process(argv, std::chrono::seconds(120));
}

// A fresh temporary folder, removed with the object.
struct TempDir {
  explicit TempDir(const std::string& name)
      : path(std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::filesystem::path path;
};

}  // namespace bughunt::testing
