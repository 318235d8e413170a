// harness/bughunt/testing/temp_manifest.h — manifests for tests: the real
// one, one in a temporary file (broken or narrowed), and a sample entry.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "harness/bughunt/manifest.h"

namespace bughunt::testing {

// The repository's manifest.
inline const std::filesystem::path kManifest =
    std::filesystem::path(BUGHUNT_SOURCE_DIR) / "harness" / "cases" / "cases.json";

// Case 02 as the manifest has it, as far as the verdict needs.
inline Case sample_case() {
  Case c;
  c.id = 2;
  c.slug = "deferred_greetings";
  c.detector = Detector::kTsan;
  c.expect = "ThreadSanitizer: data race";
  return c;
}

// A manifest written to a temporary file, removed with the object.
class TempManifest {
 public:
  explicit TempManifest(const nlohmann::json& doc)
      : path_(std::filesystem::temp_directory_path() /
              ("bughunt_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++) +
               ".json")) {
    std::ofstream(path_) << doc.dump(2);
  }
  ~TempManifest() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

}  // namespace bughunt::testing
