#include "harness/bughunt/pack/html.h"

#include <fmt/format.h>

#include <stdexcept>

namespace bughunt {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string fill(std::string_view page, const std::map<std::string, std::string>& values) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t open; (open = page.find("{{", from)) != std::string_view::npos;) {
    const std::size_t close = page.find("}}", open);
    if (close == std::string_view::npos) throw std::runtime_error("a template's {{ is not closed");
    const std::string name(page.substr(open + 2, close - open - 2));
    const auto value = values.find(name);
    if (value == values.end()) {
      throw std::runtime_error(fmt::format("the template's {{{{{}}}}} has no value", name));
    }
    out.append(page.substr(from, open - from));
    out += value->second;
    from = close + 2;
  }
  out.append(page.substr(from));
  return out;
}

}  // namespace bughunt
