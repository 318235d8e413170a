// The SARIF writer: the report model mapped onto SARIF 2.1.0's result,
// location and codeFlow objects (OASIS SARIF 2.1.0, sections 3.27, 3.28, 3.36).
#include "harness/bughunt/sarif.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>

#include "harness/bughunt/report_short.h"
#include "harness/bughunt/report_words.h"

namespace bughunt {

namespace {

constexpr const char* kSchema = "https://json.schemastore.org/sarif-2.1.0.json";

// A physical location for a frame with a file; a message alone for one without.
nlohmann::json location(const Frame& f) {
  nlohmann::json where = {{"message", {{"text", short_name(f.function)}}}};
  if (f.function.empty()) where["message"]["text"] = "(unknown function)";
  if (f.file.empty()) return where;
  nlohmann::json artifact = {{"uri", f.file}};
  if (std::filesystem::path(f.file).is_absolute()) {
    artifact["uri"] = "file://" + f.file;
  } else {
    artifact["uriBaseId"] = "SRCROOT";
  }
  nlohmann::json physical = {{"artifactLocation", artifact}};
  if (f.line > 0) {
    physical["region"] = {{"startLine", f.line}};
    if (f.column > 0) physical["region"]["startColumn"] = f.column;
  }
  where["physicalLocation"] = physical;
  return where;
}

// A stack as a threadFlow: from the outermost call to the innermost.
nlohmann::json thread_flow(const Report& r, const Stack& s) {
  nlohmann::json locations = nlohmann::json::array();
  int level = 0;
  for (auto f = s.frames.rbegin(); f != s.frames.rend(); ++f) {
    locations.push_back(
        {{"location", location(*f)},
         {"nestingLevel", level++},
         {"importance", f->place == Place::kProgram ? "essential" : "unimportant"}});
  }
  nlohmann::json flow = {{"message", {{"text", title(r, s)}}}, {"locations", locations}};
  if (!s.thread.empty()) flow["id"] = s.thread;
  return flow;
}

nlohmann::json result(const Report& r, int rule_index) {
  nlohmann::json out = {{"ruleId", rule_id(r.kind)},
                        {"ruleIndex", rule_index},
                        {"level", "error"},
                        {"message", {{"text", conclusion(r)}}},
                        {"properties", {{"headline", r.headline}, {"reporter", reporter(r)}}}};
  // The first frame in the program, else the first stack's first with a file.
  const Frame* first = nullptr;
  for (const Stack& s : r.stacks) {
    for (const Frame& f : s.frames) {
      if (!first && f.place == Place::kProgram) first = &f;
    }
  }
  for (const Stack& s : r.stacks) {
    if (!first) first = key_frame(s);
  }
  if (first && !first->file.empty()) out["locations"] = nlohmann::json::array({location(*first)});
  nlohmann::json flows = nlohmann::json::array();
  for (const Stack& s : r.stacks) {
    if (!s.frames.empty()) flows.push_back(thread_flow(r, s));
  }
  if (!flows.empty()) {
    out["codeFlows"] =
        nlohmann::json::array({{{"message", {{"text", r.headline}}}, {"threadFlows", flows}}});
  }
  return out;
}

}  // namespace

std::string rule_id(Kind k) {
  std::string id(name(k));
  std::replace(id.begin(), id.end(), ' ', '-');
  std::transform(id.begin(), id.end(), id.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return id;
}

nlohmann::json sarif_run(const std::vector<Report>& reports, const SarifOptions& options) {
  std::vector<Kind> kinds;
  nlohmann::json rules = nlohmann::json::array();
  nlohmann::json results = nlohmann::json::array();
  for (const Report& r : reports) {
    auto at = std::find(kinds.begin(), kinds.end(), r.kind);
    if (at == kinds.end()) {
      kinds.push_back(r.kind);
      rules.push_back(
          {{"id", rule_id(r.kind)}, {"shortDescription", {{"text", std::string(name(r.kind))}}}});
      at = kinds.end() - 1;
    }
    results.push_back(result(r, static_cast<int>(at - kinds.begin())));
  }
  std::string root = std::filesystem::absolute(options.root).lexically_normal().string();
  if (!root.ends_with('/')) root += '/';
  nlohmann::json run = {
      {"tool", {{"driver", {{"name", "bughunt"}, {"rules", rules}}}}},
      {"originalUriBaseIds", {{"SRCROOT", {{"uri", "file://" + root}}}}},
      {"results", results},
  };
  if (!options.automation_id.empty()) run["automationDetails"] = {{"id", options.automation_id}};
  return run;
}

nlohmann::json sarif_log(std::vector<nlohmann::json> runs) {
  return {{"$schema", kSchema}, {"version", "2.1.0"}, {"runs", std::move(runs)}};
}

void write_sarif(const std::filesystem::path& file, const nlohmann::json& log) {
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file);
  out << log.dump(2) << '\n';
  if (!out) throw std::runtime_error(fmt::format("cannot write {}", file.string()));
}

}  // namespace bughunt
