#include "harness/bughunt/practice/workspace.h"

#include <fmt/format.h>

#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

#include "harness/bughunt/context.h"
#include "harness/bughunt/naming.h"
#include "harness/bughunt/text.h"

namespace fs = std::filesystem;

namespace bughunt {

namespace {

constexpr State kStates[] = {State::kUntouched, State::kStarted, State::kSolved, State::kRevealed};
constexpr const char* kFormat = "bughunt progress";  // the file's "format" field

State parse_state(const std::string& text) {
  for (State s : kStates) {
    if (name(s) == text) return s;
  }
  throw std::runtime_error(fmt::format("unknown state \"{}\"", text));
}

Progress from_json(const nlohmann::json& doc) {
  if (!doc.is_object() || doc.value("format", "") != kFormat) {
    throw std::runtime_error(fmt::format("it has no \"format\": \"{}\" field", kFormat));
  }
  Progress p;
  p.last = doc.at("last").get<int>();
  for (const auto& [id, entry] : doc.at("cases").items()) {
    CaseProgress& c = p.cases[std::stoi(id)];
    c.state = parse_state(entry.at("state").get<std::string>());
    c.hints_seen = entry.at("hints_seen").get<int>();
    if (entry.contains("review")) {  // files from before reviews have none
      const std::string review = entry.at("review").get<std::string>();
      c.review = parse_review(review);
      if (!c.review) throw std::runtime_error(fmt::format("unknown review \"{}\"", review));
    }
  }
  return p;
}

nlohmann::json to_json(const Progress& p) {
  nlohmann::json cases = nlohmann::json::object();
  for (const auto& [id, c] : p.cases) {
    nlohmann::json entry = {{"state", name(c.state)}, {"hints_seen", c.hints_seen}};
    if (c.review) entry["review"] = name(*c.review);
    cases[std::to_string(id)] = entry;
  }
  return {{"format", kFormat}, {"last", p.last}, {"cases", cases}};
}

Stop unwritable(const fs::path& dir, const std::string& why) {
  return Stop(2, fmt::format("cannot write in the workspace {}: {}", dir.string(), why));
}

}  // namespace

std::string_view name(State s) {
  switch (s) {
    case State::kUntouched:
      return "untouched";
    case State::kStarted:
      return "started";
    case State::kSolved:
      return "solved";
    case State::kRevealed:
      return "revealed";
  }
  return "?";
}

CaseProgress Progress::at(const Case& c) const {
  const auto it = cases.find(c.id);
  return it == cases.end() ? CaseProgress{} : it->second;
}

fs::path Workspace::file(const Case& c) const { return dir_ / practice_file_name(c); }

void Workspace::require() const {
  if (!fs::is_directory(dir_)) {
    throw Stop(2, fmt::format("no workspace at {}: `bughunt start N` makes one", dir_.string()));
  }
}

Progress Workspace::load() const {
  const fs::path path = progress_file();
  if (!fs::exists(path)) return {};
  try {
    return from_json(nlohmann::json::parse(read_file(path)));
  } catch (const std::exception& e) {
    throw Stop(2, fmt::format("{} is damaged or not bughunt's ({}); it is left as it is: "
                              "repair it or move it away to start afresh",
                              path.string(), one_line(e.what())));
  }
}

void Workspace::save(const Progress& progress) const {
  const fs::path temporary = dir_ / ".progress.json.new";
  {
    std::ofstream out(temporary);
    out << to_json(progress).dump(2) << '\n';
    if (!out.flush()) throw unwritable(dir_, std::strerror(errno));
  }
  std::error_code error;
  fs::rename(temporary, progress_file(), error);
  if (error) throw unwritable(dir_, error.message());
}

void Workspace::create(const fs::path& repository) const {
  std::error_code error;
  fs::create_directories(dir_, error);
  if (error) throw unwritable(dir_, error.message());
  const fs::path relative =
      fs::weakly_canonical(dir_).lexically_relative(fs::weakly_canonical(repository));
  const bool inside = !relative.empty() && *relative.begin() != "..";
  if (inside && !fs::exists(dir_ / ".gitignore")) {
    std::ofstream(dir_ / ".gitignore") << "# a bughunt workspace: the trainee's own files\n*\n";
  }
}

void Workspace::copy(const fs::path& from, const fs::path& to) const {
  std::error_code error;
  fs::copy_file(from, to, fs::copy_options::overwrite_existing, error);
  if (error) throw unwritable(dir_, error.message());
}

fs::path Workspace::backup_name(const fs::path& file) const {
  for (int n = 1;; ++n) {
    const fs::path candidate =
        file.parent_path() /
        fmt::format("{}.backup-{}{}", file.stem().string(), n, file.extension().string());
    if (!fs::exists(candidate)) return candidate;
  }
}

void allow_reveal(const Workspace& ws, const Case& c, bool give_up) {
  if (!fs::is_directory(ws.dir())) return;
  Progress p = ws.load();
  const State state = p.at(c).state;
  if (state != State::kStarted) return;
  if (!give_up) {
    throw Stop(2, fmt::format("case {} is in practice and not solved yet: `bughunt check {}` "
                              "grades your fix; `--give-up` shows the fix anyway (recorded as "
                              "revealed)",
                              c.number(), c.id));
  }
  p.of(c).state = State::kRevealed;
  ws.save(p);
}

}  // namespace bughunt
