#include "harness/bughunt/context.h"

#include <fmt/format.h>

namespace bughunt {

const Case& Context::find(const std::string& text) const {
  const Case* c = find_case(cases, text);
  if (c == nullptr) {
    throw Stop(2, fmt::format("no case '{}': give its number (1 to {}) or its slug; "
                              "`bughunt list` shows them",
                              text, cases.empty() ? 0 : cases.back().id));
  }
  return *c;
}

std::vector<const Case*> Context::chosen(const std::vector<std::string>& ids) const {
  std::vector<const Case*> out;
  for (const std::string& id : ids) out.push_back(&find(id));
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
