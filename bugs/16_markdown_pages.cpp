// 16_markdown_pages.cpp — renders markdown pages to HTML in pooled buffers:
// the body first, then the table of contents of the headings it met.
#include "harness/cases/16_markdown_pages.h"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pool/pool.h"

namespace markdown {
namespace {

// A page is a few KiB of HTML: a buffer with room for a typical one rarely grows.
constexpr std::size_t kTypicalPage = 4096;

pool::Pool<std::string> html_buffers([] {
  auto buffer = std::make_unique<std::string>();
  buffer->reserve(kTypicalPage);
  html_buffers.put(buffer.get());
  return buffer;
});

void append_escaped(std::string& html, std::string_view text) {
  for (const char c : text) {
    if (c == '&') {
      html += "&amp;";
    } else if (c == '<') {
      html += "&lt;";
    } else if (c == '>') {
      html += "&gt;";
    } else {
      html += c;
    }
  }
}

// The anchor a heading is linked by: "Getting Started" is "getting-started".
std::string anchor_of(std::string_view title) {
  std::string anchor;
  for (const char c : title) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0) {
      anchor += static_cast<char>(std::tolower(u));
    } else if (c == ' ' && !anchor.empty() && anchor.back() != '-') {
      anchor += '-';
    }
  }
  return anchor;
}

// The level of a heading line ("## Usage" is 2), or 0 for a line of text.
std::size_t heading_level(std::string_view line) {
  const std::size_t level = line.find_first_not_of('#');
  if (level == 0 || level > 6 || level == std::string_view::npos || line[level] != ' ') return 0;
  return level;
}

}  // namespace

std::string render_page(std::string_view page) {
  auto body = html_buffers.borrow();
  body->clear();
  std::vector<std::string_view> headings;
  bool in_paragraph = false;
  for (std::size_t at = 0; at < page.size();) {
    const std::size_t end = std::min(page.find('\n', at), page.size());
    const std::string_view line = page.substr(at, end - at);
    at = end + 1;
    const std::size_t level = heading_level(line);
    if (in_paragraph && (line.empty() || level > 0)) {
      *body += "</p>";
      in_paragraph = false;
    }
    if (level > 0) {
      const std::string_view title = line.substr(level + 1);
      headings.push_back(title);
      fmt::format_to(std::back_inserter(*body), "<h{} id=\"{}\">", level, anchor_of(title));
      append_escaped(*body, title);
      fmt::format_to(std::back_inserter(*body), "</h{}>", level);
    } else if (!line.empty()) {
      *body += in_paragraph ? " " : "<p>";
      in_paragraph = true;
      append_escaped(*body, line);
    }
  }
  if (in_paragraph) *body += "</p>";

  auto contents = html_buffers.borrow();
  contents->clear();
  *contents += "<nav>";
  for (const std::string_view title : headings) {
    fmt::format_to(std::back_inserter(*contents), "<a href=\"#{}\">", anchor_of(title));
    append_escaped(*contents, title);
    *contents += "</a>";
  }
  *contents += "</nav>";
  return *contents + *body;
}

}  // namespace markdown
