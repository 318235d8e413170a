#include "harness/bughunt/manifest.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace bughunt {

std::string Case::number() const { return fmt::format("{:02}", id); }
std::string Case::stem() const { return number() + "_" + slug; }

namespace {

std::string text_field(const nlohmann::json& entry, const char* key, std::size_t index) {
  const auto it = entry.find(key);
  if (it == entry.end() || !it->is_string()) {
    throw std::runtime_error(fmt::format("entry {} lacks the text field \"{}\"", index, key));
  }
  return it->get<std::string>();
}

// "hints": two or three texts, gentle to pointed.
std::vector<std::string> hint_ladder(const nlohmann::json& entry, int id) {
  const auto it = entry.find("hints");
  const bool texts =
      it != entry.end() && it->is_array() &&
      std::all_of(it->begin(), it->end(), [](const auto& h) { return h.is_string(); });
  if (!texts || it->size() < 2 || it->size() > 3) {
    throw std::runtime_error(
        fmt::format("case {}: \"hints\" must be a list of two or three texts", id));
  }
  return it->get<std::vector<std::string>>();
}

}  // namespace

std::vector<Case> load_manifest(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(fmt::format("cannot read the manifest {}", path.string()));
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw std::runtime_error(fmt::format("{} is not valid JSON: {}", path.string(), e.what()));
  }
  if (!doc.contains("cases") || !doc["cases"].is_array()) {
    throw std::runtime_error(fmt::format("{} has no \"cases\" list", path.string()));
  }
  std::vector<Case> cases;
  try {
    std::size_t index = 0;
    for (const auto& entry : doc["cases"]) {
      Case c;
      if (!entry.contains("id") || !entry["id"].is_number_integer()) {
        throw std::runtime_error(fmt::format("entry {} lacks a whole-number \"id\"", index));
      }
      c.id = entry["id"].get<int>();
      c.slug = text_field(entry, "slug", index);
      c.title = text_field(entry, "title", index);
      const std::string detector = text_field(entry, "detector", index);
      const std::optional<Detector> d = parse_detector(detector);
      if (!d) {
        throw std::runtime_error(
            fmt::format("case {}: detector \"{}\" is not assert, asan or tsan", c.id, detector));
      }
      c.detector = *d;
      c.expect = text_field(entry, "expect", index);
      c.symptom = text_field(entry, "symptom", index);
      c.hints = hint_ladder(entry, c.id);
      if (!entry.contains("explanation") || !entry["explanation"].is_object()) {
        throw std::runtime_error(fmt::format("case {} lacks its \"explanation\"", c.id));
      }
      const auto& why = entry["explanation"];
      c.cause = text_field(why, "cause", index);
      c.fix = text_field(why, "fix", index);
      c.rule = text_field(why, "rule", index);
      c.seed = text_field(entry, "seed", index);
      cases.push_back(std::move(c));
      ++index;
    }
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(fmt::format("{}: {}", path.string(), e.what()));
  }
  return cases;
}

const Case* find_case(const std::vector<Case>& cases, std::string_view text) {
  int id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  const bool numeric = error == std::errc() && end == text.data() + text.size();
  for (const Case& c : cases) {
    if (numeric ? c.id == id : c.slug == text) return &c;
  }
  return nullptr;
}

}  // namespace bughunt
