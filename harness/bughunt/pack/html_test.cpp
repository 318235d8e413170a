// Tests of pack/html.h: escaping and template filling.
#include "harness/bughunt/pack/html.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace bughunt {
namespace {

// The programs hold templates and references: every special character is escaped.
TEST(PackHtmlTest, EscapesWhatHtmlReads) {
  EXPECT_EQ(escape("std::vector<T>& v = \"a\" + 'b';"),
            "std::vector&lt;T&gt;&amp; v = &quot;a&quot; + &#39;b&#39;;");
  EXPECT_EQ(escape("plain text"), "plain text");
}

// Each placeholder takes its value, however often it stands; values are not re-read.
TEST(PackHtmlTest, FillsEveryPlaceholder) {
  EXPECT_EQ(fill("<h1>{{title}}</h1>{{body}}{{title}}", {{"title", "T"}, {"body", "{{x}}"}}),
            "<h1>T</h1>{{x}}T");
}

// A placeholder without a value, or left open, is an error, not an empty string.
TEST(PackHtmlTest, RefusesAnUnknownOrOpenPlaceholder) {
  EXPECT_THROW(fill("{{missing}}", {}), std::runtime_error);
  EXPECT_THROW(fill("{{open", {{"open", ""}}), std::runtime_error);
}

}  // namespace
}  // namespace bughunt
