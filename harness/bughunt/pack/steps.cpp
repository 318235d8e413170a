// A case page's steps: the symptom, the hints, the report, the fix, the
// explanation; each a hidden section until pack.js reveals it.
#include <fmt/format.h>

#include <algorithm>

#include "harness/bughunt/pack/html.h"
#include "harness/bughunt/pack/pack.h"
#include "harness/bughunt/report_short.h"
#include "harness/bughunt/report_words.h"
#include "harness/bughunt/text.h"

namespace bughunt {

namespace {

std::string step(int number, std::string_view label, std::string_view body) {
  return fmt::format(
      "<section class=\"step\" id=\"step-{0}\" data-label=\"{1}\"{2}>\n<h2>{1}</h2>\n{3}\n"
      "</section>\n",
      number, escape(label), number == 1 ? "" : " hidden", body);
}

// The stack's frames: the program's as links to their line with the line
// quoted, each run of other frames as one line that counts them.
std::string render_frames(const Stack& s, const std::vector<std::string_view>& program) {
  std::string out = "<ol class=\"frames\">\n";
  for (std::size_t i = 0; i < s.frames.size();) {
    const Frame& f = s.frames[i];
    if (f.place == Place::kProgram) {
      const bool known = f.line >= 1 && f.line <= static_cast<int>(program.size());
      const std::string quoted = known ? std::string(trim(program[f.line - 1])) : "";
      out += fmt::format(
          "<li><button class=\"frame\" type=\"button\" data-line=\"{}\">{}</button> "
          "<code class=\"quote\">{}</code></li>\n",
          f.line, escape(where(f, /*with_column=*/true)), escape(quoted));
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < s.frames.size() && s.frames[end].place != Place::kProgram) ++end;
    out += fmt::format("<li class=\"elided\">… {}</li>\n", escape(folded(s, i, end)));
    i = end;
  }
  return out + "</ol>\n";
}

}  // namespace

std::string render_report(const CaseMaterial& m) {
  const std::vector<std::string_view> program = lines_of(m.program);
  std::string out = "<div class=\"report\">\n";
  if (m.reports.empty()) out += "<p class=\"headline\">The run printed no report.</p>\n";
  for (const Report& r : m.reports) {
    out += fmt::format("<div class=\"one-report\">\n<p class=\"headline\">{}</p>\n",
                       escape(r.headline));
    for (const Stack& s : r.stacks) {
      std::string role(name(s.role));
      std::replace(role.begin(), role.end(), ' ', '-');
      out += fmt::format("<div class=\"stack role-{}\">\n<h3>{}</h3>\n{}</div>\n", role,
                         escape(title(r, s)), render_frames(s, program));
    }
    out += fmt::format("<p class=\"conclusion\">{}</p>\n</div>\n", escape(conclusion(r)));
  }
  out += fmt::format(
      "</div>\n<details class=\"raw\"><summary>The full report, as printed</summary>\n"
      "<pre>{}</pre>\n</details>",
      escape(m.output));
  return out;
}

std::string render_steps(const CaseMaterial& m) {
  int n = 0;
  std::string out = step(++n, "The program",
                         "<p>Read the program. What is it for, and where does it use the "
                         "pool?</p>");
  out += step(++n, "The symptom", fmt::format("<p class=\"symptom\">{}</p>", escape(m.c.symptom)));
  // The ladder one rung per step, gentle to pointed, so the room can stop climbing early.
  for (std::size_t i = 0; i < m.c.hints.size(); ++i) {
    out += step(++n, fmt::format("Hint {} of {}", i + 1, m.c.hints.size()),
                fmt::format("<p class=\"hint\">{}</p>", escape(m.c.hints[i])));
  }
  out += step(++n, "The report", render_report(m));
  std::string diff = "<pre class=\"diff\">";
  for (std::string_view line : lines_of(m.diff)) {
    const char* kind = line.starts_with("+++") || line.starts_with("---") ? "file"
                       : line.starts_with("@@")                           ? "hunk"
                       : line.starts_with("+")                            ? "added"
                       : line.starts_with("-")                            ? "removed"
                                                                          : "context";
    diff += fmt::format("<span class=\"{}\">{}</span>\n", kind, escape(line));
  }
  out += step(++n, "The fix", diff + "</pre>");
  out += step(++n, "The explanation",
              fmt::format("<dl class=\"explanation\"><dt>Cause</dt><dd class=\"cause\">{}</dd>"
                          "<dt>Fix</dt><dd class=\"fix\">{}</dd><dt>Rule</dt>"
                          "<dd class=\"rule\">{}</dd></dl>",
                          escape(m.c.cause), escape(m.c.fix), escape(m.c.rule)));
  return out;
}

}  // namespace bughunt
