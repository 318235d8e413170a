#include "harness/bughunt/manifest.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "harness/bughunt/naming.h"

namespace bughunt {

std::string Case::number() const { return fmt::format("{:02}", id); }
std::string Case::stem() const { return number() + "_" + slug; }

namespace {

// "entry 3 (case 03)": an entry as errors name it, counted from 1.
std::string entry_name(std::size_t index, int id) {
  return id == 0 ? fmt::format("entry {}", index + 1)
                 : fmt::format("entry {} (case {:02})", index + 1, id);
}

std::string text_field(const nlohmann::json& entry, const char* key, const std::string& who) {
  const auto it = entry.find(key);
  if (it == entry.end() || !it->is_string()) {
    throw std::runtime_error(fmt::format("{} lacks the text field \"{}\"", who, key));
  }
  return it->get<std::string>();
}

// "hints": two or three texts, gentle to pointed.
std::vector<std::string> hint_ladder(const nlohmann::json& entry, const std::string& who) {
  const auto it = entry.find("hints");
  const bool texts =
      it != entry.end() && it->is_array() &&
      std::all_of(it->begin(), it->end(), [](const auto& h) { return h.is_string(); });
  if (!texts || it->size() < 2 || it->size() > 3) {
    throw std::runtime_error(
        fmt::format("{}: \"hints\" must be a list of two or three texts", who));
  }
  return it->get<std::vector<std::string>>();
}

// "lines": one or more line numbers of the bug file, ascending, each once.
std::vector<int> line_list(const nlohmann::json& entry, const std::string& who) {
  const auto it = entry.find("lines");
  // An upper bound keeps get<int>() exact; no case is a million lines long.
  const bool numbers = it != entry.end() && it->is_array() &&
                       std::all_of(it->begin(), it->end(), [](const nlohmann::json& n) {
                         return n.is_number_integer() && n.get<std::int64_t>() >= 1 &&
                                n.get<std::int64_t>() <= 1'000'000;
                       });
  std::vector<int> lines;
  if (numbers) lines = it->get<std::vector<int>>();
  if (lines.empty() ||
      std::adjacent_find(lines.begin(), lines.end(), std::greater_equal<>()) != lines.end()) {
    throw std::runtime_error(fmt::format(
        "{}: \"lines\" must be a list of line numbers of the bug file, ascending", who));
  }
  return lines;
}

// The id, a whole number from 1 to 99 (two digits name a case's files).
int id_field(const nlohmann::json& entry, const std::string& who) {
  if (!entry.contains("id") || !entry["id"].is_number_integer()) {
    throw std::runtime_error(fmt::format("{} lacks a whole-number \"id\"", who));
  }
  const auto id = entry["id"].get<std::int64_t>();
  if (id < kFirstId || id > kLastId) {
    throw std::runtime_error(
        fmt::format("{}: \"id\" {} is not from {} to {}", who, id, kFirstId, kLastId));
  }
  return static_cast<int>(id);
}

bool is_slug(std::string_view slug) {
  return !slug.empty() && std::all_of(slug.begin(), slug.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

Case read_entry(const nlohmann::json& entry, std::size_t index) {
  Case c;
  c.id = id_field(entry, entry_name(index, 0));
  const std::string who = entry_name(index, c.id);
  c.slug = text_field(entry, "slug", who);
  if (!is_slug(c.slug)) {
    throw std::runtime_error(
        fmt::format("{}: \"slug\" \"{}\" is not made of a-z, 0-9 and _", who, c.slug));
  }
  c.job = text_field(entry, "job", who);
  c.title = text_field(entry, "title", who);
  const std::string detector = text_field(entry, "detector", who);
  const std::optional<Detector> d = parse_detector(detector);
  if (!d) {
    throw std::runtime_error(
        fmt::format("{}: \"detector\" \"{}\" is not assert, asan or tsan", who, detector));
  }
  c.detector = *d;
  c.expect = text_field(entry, "expect", who);
  c.symptom = text_field(entry, "symptom", who);
  c.hints = hint_ladder(entry, who);
  if (!entry.contains("explanation") || !entry["explanation"].is_object()) {
    throw std::runtime_error(fmt::format("{} lacks its \"explanation\"", who));
  }
  const auto& why = entry["explanation"];
  c.cause = text_field(why, "cause", who);
  c.fix = text_field(why, "fix", who);
  c.rule = text_field(why, "rule", who);
  if (!entry.contains("change") || !entry["change"].is_object()) {
    throw std::runtime_error(fmt::format("{} lacks its \"change\"", who));
  }
  const std::string change = who + "'s \"change\"";
  c.change_title = text_field(entry["change"], "title", change);
  c.change_description = text_field(entry["change"], "description", change);
  c.lines = line_list(entry, who);
  c.seed = text_field(entry, "seed", who);
  return c;
}

// Two entries with one id or one slug: find_case() could reach only the first.
void check_unique(const std::vector<Case>& cases) {
  for (std::size_t i = 0; i < cases.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      for (const auto& [field, same] : {std::pair{"id", cases[i].id == cases[j].id},
                                        std::pair{"slug", cases[i].slug == cases[j].slug}}) {
        if (!same) continue;
        throw std::runtime_error(fmt::format("{}: its \"{}\" is {}'s too",
                                             entry_name(i, cases[i].id), field,
                                             entry_name(j, cases[j].id)));
      }
    }
  }
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
    for (const auto& entry : doc["cases"]) cases.push_back(read_entry(entry, cases.size()));
    check_unique(cases);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(fmt::format("{}: {}", path.string(), e.what()));
  }
  return cases;
}

void check_case_files(const std::vector<Case>& cases, const std::filesystem::path& source_dir) {
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    for (const std::filesystem::path& file :
         {source_path(c, Variant::kBug), source_path(c, Variant::kFix), scenario_path(c)}) {
      if (std::filesystem::exists(source_dir / file)) continue;
      throw std::runtime_error(fmt::format("{}: \"slug\" \"{}\" names {}, which is missing",
                                           entry_name(i, c.id), c.slug, file.string()));
    }
  }
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
