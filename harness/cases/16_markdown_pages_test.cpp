// harness/cases/16_markdown_pages_test.cpp — a documentation site renders its
// first three pages.
#include "harness/cases/16_markdown_pages.h"

#include <gtest/gtest.h>

#include <string>

namespace {

struct Page {
  const char* name;
  const char* markdown;
  const char* html;
};

// Every page, the first included, opens with links to its headings and then has all its text.
TEST(MarkdownPagesTest, EachPageHasItsContentsAndItsText) {
  const Page pages[] = {
      {"install", "# Install\nDownload the archive\nand unpack it.\n",
       R"(<nav><a href="#install">Install</a></nav>)"
       R"(<h1 id="install">Install</h1><p>Download the archive and unpack it.</p>)"},
      {"usage", "# Usage\nRun it in a checkout.\n\n## Flags\nUse -q & -v <once>.\n",
       R"(<nav><a href="#usage">Usage</a><a href="#flags">Flags</a></nav>)"
       R"(<h1 id="usage">Usage</h1><p>Run it in a checkout.</p>)"
       R"(<h2 id="flags">Flags</h2><p>Use -q &amp; -v &lt;once&gt;.</p>)"},
      {"faq", "# Questions and Answers\n\nAsk on the list.\n",
       R"(<nav><a href="#questions-and-answers">Questions and Answers</a></nav>)"
       R"(<h1 id="questions-and-answers">Questions and Answers</h1><p>Ask on the list.</p>)"},
  };
  for (const Page& page : pages) {
    const std::string html = markdown::render_page(page.markdown);
    EXPECT_EQ(html, page.html) << "the page '" << page.name << "' reads '" << html << "'";
  }
}

}  // namespace
