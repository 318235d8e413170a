// harness/cases/16_markdown_pages.h — renders a documentation site's markdown
// pages to HTML, each opening with a table of contents of its headings.
#pragma once

#include <string>
#include <string_view>

namespace markdown {

// Renders one page of a small markdown: a line opening with one to six '#'
// and a space is a heading, blank lines separate paragraphs, and any other
// line is text; '&', '<' and '>' are escaped. The HTML opens with a <nav>
// linking every heading by its anchor:
//
//   render_page("# Install\nUnpack it.\n") ==
//       "<nav><a href=\"#install\">Install</a></nav>"
//       "<h1 id=\"install\">Install</h1><p>Unpack it.</p>"
std::string render_page(std::string_view page);

}  // namespace markdown
