#include "harness/bughunt/report_json.h"

namespace bughunt {

namespace {

nlohmann::json frame_json(const Frame& f) {
  return {{"function", f.function},
          {"file", f.file},
          {"line", f.line},
          {"column", f.column},
          {"place", name(f.place)}};
}

nlohmann::json stack_json(const Stack& s) {
  nlohmann::json frames = nlohmann::json::array();
  for (const Frame& f : s.frames) frames.push_back(frame_json(f));
  return {{"role", name(s.role)}, {"heading", s.heading}, {"thread", s.thread}, {"frames", frames}};
}

}  // namespace

nlohmann::json report_json(const Report& r) {
  nlohmann::json stacks = nlohmann::json::array();
  for (const Stack& s : r.stacks) stacks.push_back(stack_json(s));
  return {{"source", name(r.source)}, {"kind", name(r.kind)}, {"headline", r.headline},
          {"summary", r.summary},     {"message", r.message}, {"expected", r.expected},
          {"actual", r.actual},       {"signal", r.signal},   {"stacks", stacks}};
}

nlohmann::json reports_json(const std::vector<Report>& reports) {
  nlohmann::json out = nlohmann::json::array();
  for (const Report& r : reports) out.push_back(report_json(r));
  return out;
}

}  // namespace bughunt
