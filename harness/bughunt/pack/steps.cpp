// A case page's steps: the change, the program, the symptom, the hints, the
// report, the fix, the explanation; each a hidden section until pack.js
// reveals it.
#include <fmt/format.h>

#include <algorithm>

#include "harness/bughunt/change.h"
#include "harness/bughunt/pack/html.h"
#include "harness/bughunt/pack/pack.h"
#include "harness/bughunt/report_short.h"
#include "harness/bughunt/report_words.h"
#include "harness/bughunt/text.h"

namespace bughunt {

namespace {

// A step's section. One that `hides_program` is shown with the program's pane
// hidden (pack.js): the change is read as a patch first, as a reviewer meets it.
std::string step(int number, std::string_view label, std::string_view body,
                 bool hides_program = false) {
  return fmt::format(
      "<section class=\"step\" id=\"step-{0}\" data-label=\"{1}\"{2}{3}>\n<h2>{1}</h2>\n{4}\n"
      "</section>\n",
      number, escape(label), hides_program ? " data-hides-program" : "",
      number == 1 ? "" : " hidden", body);
}

std::string_view kind_class(PatchLine::Kind kind) {
  switch (kind) {
    case PatchLine::Kind::kFile:
      return "file";
    case PatchLine::Kind::kHunk:
      return "hunk";
    case PatchLine::Kind::kAdded:
      return "added";
    case PatchLine::Kind::kRemoved:
      return "removed";
    case PatchLine::Kind::kNote:
      return "note";
    case PatchLine::Kind::kContext:
      break;
  }
  return "context";
}

// A patch, a span per line classed by its kind (pack.css makes each a block,
// so no newline stands between them). `numbered` gives each line its number
// in the new file (data-n, which pack.css shows in a gutter), as a review tool
// does: the numbers a reviewer points at.
std::string render_patch(std::string_view patch, bool numbered) {
  std::string out = numbered ? "<pre class=\"diff numbered\">" : "<pre class=\"diff\">";
  for (const PatchLine& l : patch_lines(patch)) {
    const std::string number =
        numbered ? fmt::format(" data-n=\"{}\"", l.number ? std::to_string(l.number) : "") : "";
    out +=
        fmt::format("<span class=\"{}\"{}>{}</span>", kind_class(l.kind), number, escape(l.text));
  }
  return out + "</pre>";
}

// The change as a pull request: its title, its author's reason and the patch
// from the working program to the broken one. Nothing says it is wrong.
std::string render_change(const CaseMaterial& m) {
  return fmt::format(
      "<div class=\"pull-request\">\n<h3 class=\"change-title\">{}</h3>\n"
      "<p class=\"change-description\">{}</p>\n{}\n"
      "<p class=\"ask\">Would you approve it? If not, at which line does it go wrong?</p>\n"
      "</div>",
      escape(m.c.change_title), escape(m.c.change_description), render_patch(m.change, true));
}

// The declared lines as buttons that mark them in the program.
std::string render_lines(const std::vector<int>& lines) {
  std::string out;
  for (int line : lines) {
    out += fmt::format(
        "<button class=\"line-link\" type=\"button\" data-line=\"{0}\">line {0}"
        "</button> ",
        line);
  }
  return out;
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
  std::string out = step(++n, "The change", render_change(m), /*hides_program=*/true);
  out += step(++n, "The program",
              "<p>The whole program, as the change leaves it. What is it for, and where does "
              "it use the pool?</p>");
  out += step(++n, "The symptom", fmt::format("<p class=\"symptom\">{}</p>", escape(m.c.symptom)));
  // The ladder one rung per step, gentle to pointed, so the room can stop climbing early.
  for (std::size_t i = 0; i < m.c.hints.size(); ++i) {
    out += step(++n, fmt::format("Hint {} of {}", i + 1, m.c.hints.size()),
                fmt::format("<p class=\"hint\">{}</p>", escape(m.c.hints[i])));
  }
  out += step(++n, "The report", render_report(m));
  out += step(++n, "The fix", render_patch(m.diff, false));
  out += step(
      ++n, "The explanation",
      fmt::format("<dl class=\"explanation\"><dt>Where the change goes wrong</dt>"
                  "<dd class=\"declared-lines\">{}</dd><dt>Cause</dt>"
                  "<dd class=\"cause\">{}</dd><dt>Fix</dt><dd class=\"fix\">{}</dd>"
                  "<dt>Rule</dt><dd class=\"rule\">{}</dd></dl>",
                  render_lines(m.c.lines), escape(m.c.cause), escape(m.c.fix), escape(m.c.rule)));
  return out;
}

}  // namespace bughunt
