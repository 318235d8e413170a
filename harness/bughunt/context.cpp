#include "harness/bughunt/context.h"

#include <fmt/format.h>

#include <algorithm>

#include "harness/bughunt/text.h"

namespace bughunt {

const Case& Context::find(const std::string& text) const {
  const Case* c = find_case(cases, text);
  if (c == nullptr) {
    if (cases.empty()) throw Stop(2, "the manifest lists no case");
    const auto [lowest, highest] = std::ranges::minmax(cases, {}, &Case::id);
    throw Stop(2, fmt::format("no case '{}': give its number ({} to {}) or its slug; "
                              "`bughunt list` shows them",
                              shortened(text), lowest.id, highest.id));
  }
  return *c;
}

void Context::require_built(const Case& c) const {
  if (built.empty() || std::ranges::find(built, c.stem()) != built.end()) return;
  throw Stop(2, fmt::format("the build tree {} does not build case {} ({}): it was configured "
                            "from another manifest, or for fewer cases (BUGHUNT_CASES)",
                            build_dir.string(), c.number(), c.slug));
}

std::vector<const Case*> Context::chosen(const std::vector<std::string>& ids) const {
  std::vector<const Case*> out;
  for (const std::string& id : ids) {
    const Case* c = &find(id);
    if (std::ranges::find(out, c) == out.end()) out.push_back(c);  // "2 02" is one case
  }
  if (ids.empty()) {
    for (const Case& c : cases) out.push_back(&c);
  }
  if (out.empty()) throw Stop(2, "the manifest lists no case");
  return out;
}

std::string Context::paint(fmt::terminal_color colour_name, std::string_view text) const {
  if (!colour) return std::string(text);
  return fmt::format(fmt::fg(colour_name), "{}", text);
}

std::string Context::bold(std::string_view text) const {
  if (!colour) return std::string(text);
  return fmt::format(fmt::emphasis::bold, "{}", text);
}

}  // namespace bughunt
