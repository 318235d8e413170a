// The pack's pages: the index, a page per case, the session and its notes,
// the detection matrix.
#include <fmt/format.h>

#include <regex>

#include "harness/bughunt/change.h"
#include "harness/bughunt/pack/html.h"
#include "harness/bughunt/pack/pack.h"
#include "harness/bughunt/text.h"

namespace bughunt {

namespace {

std::string case_file(const Case& c) { return fmt::format("case-{}.html", c.number()); }

std::string index_body(const std::vector<CaseMaterial>& cases, const PackOptions& options) {
  std::string items;
  for (const CaseMaterial& m : cases) {
    items += fmt::format(
        "<li><a href=\"{}\"><span class=\"number\">Case {}</span> "
        "<span class=\"program-name\">{}</span></a><p class=\"symptom\">{}</p></li>\n",
        case_file(m.c), m.c.number(), escape(program_name(m.program)), escape(m.c.symptom));
  }
  std::string more;
  if (options.session) more += "<a href=\"session.html\">The session</a> ";
  if (!options.matrix_markdown.empty()) more += "<a href=\"matrix.html\">Detection matrix</a>";
  return fmt::format(
      "<header class=\"bar\"><span class=\"title\">Broken pools: the cases</span>"
      "<nav>{}</nav></header>\n<main class=\"index\"><ol class=\"cases\">\n{}</ol></main>",
      more, items);
}

std::string session_body(const std::vector<CaseMaterial>& cases) {
  std::string items;
  for (const CaseMaterial& m : cases) {
    items += fmt::format(
        "<li class=\"session-case\"><a href=\"{}\">Case {} · {}</a>"
        "<span class=\"timer\" data-case=\"{}\"><output>0:00</output>"
        "<button type=\"button\" class=\"start\">Start</button>"
        "<button type=\"button\" class=\"stop\">Stop</button></span></li>\n",
        case_file(m.c), m.c.number(), escape(program_name(m.program)), m.c.number());
  }
  return fmt::format(
      "<header class=\"bar\"><a href=\"index.html\">All cases</a><span class=\"title\">The "
      "session</span><nav><button type=\"button\" id=\"open-notes\">Presenter notes</button>"
      "</nav></header>\n<main class=\"session\"><ol>\n{}</ol></main>",
      items);
}

std::string notes_body(const std::vector<CaseMaterial>& cases) {
  std::string items;
  for (const CaseMaterial& m : cases) {
    std::string hints;
    for (const std::string& hint : m.c.hints) hints += fmt::format("<li>{}</li>", escape(hint));
    items += fmt::format(
        "<section class=\"note\"><h2>Case {} · {}</h2><p><b>The change.</b> {}; it goes "
        "wrong at {}.</p><p><b>Symptom.</b> {}</p><p><b>Hints.</b></p>"
        "<ol class=\"hints\">{}</ol><p><b>Cause.</b> {}</p><p><b>Fix.</b> {}</p>"
        "<p><b>Rule.</b> {}</p></section>\n",
        m.c.number(), escape(m.c.title), escape(m.c.change_title), lines_named(m.c.lines),
        escape(m.c.symptom), hints, escape(m.c.cause), escape(m.c.fix), escape(m.c.rule));
  }
  return fmt::format(
      "<header class=\"bar\"><span class=\"title\">Presenter notes: not for the room"
      "</span></header>\n<main class=\"notes\">\n{}</main>",
      items);
}

std::string case_body(const std::string& body, const CaseMaterial& m, const PackOptions& options) {
  return fill(body,
              {{"number", m.c.number()},
               {"program_name", escape(program_name(m.program))},
               {"session_link", options.session ? "<a href=\"session.html\">Session</a>" : ""},
               {"program", escape(m.program)},
               {"steps", render_steps(m)}});
}

std::string matrix_body(const std::string& table) {
  return fmt::format(
      "<header class=\"bar\"><a href=\"index.html\">All cases</a><span class=\"title\">"
      "Which detector catches which case</span></header>\n<main class=\"matrix\">{}</main>",
      table);
}

// A matrix cell's class: its outcome ("report", "assert", "crash", "missed",
// "timeout"), "declared" when bold, "false-alarm" when it carries FA or FT.
std::string cell_class(std::string_view cell) {
  std::string classes;
  if (cell.starts_with("**")) classes += "declared ";
  const std::string_view word = trim(cell.substr(0, cell.find(' ', 2)));
  if (word.find('-') != std::string_view::npos) classes += "missed";
  for (std::string_view outcome : {"report", "assert", "crash", "timeout"}) {
    if (word.find(outcome) != std::string_view::npos) classes += outcome;
  }
  if (cell.ends_with(" FA") || cell.ends_with(" FT")) classes += " false-alarm";
  return classes;
}

}  // namespace

std::string program_name(const std::string& program) {
  static const std::regex ns(R"(^namespace (\w+) \{)", std::regex::multiline);
  std::smatch m;
  return std::regex_search(program, m, ns) ? m[1].str() : "a program";
}

std::string render_matrix(const std::string& markdown) {
  const std::size_t at = markdown.find("<!-- matrix:table -->");
  if (at == std::string::npos) return {};
  std::string rows;
  bool header = true;
  for (std::string_view line : lines_of(std::string_view(markdown).substr(at))) {
    if (!line.starts_with("|")) {
      if (!rows.empty()) break;
      continue;
    }
    if (line.starts_with("|---")) continue;
    std::vector<std::string_view> cells;
    for (std::size_t from = 1, bar; (bar = line.find('|', from)) != std::string_view::npos;
         from = bar + 1) {
      cells.push_back(trim(line.substr(from, bar - from)));
    }
    std::string row = "<tr>";
    for (std::size_t i = 0; i < cells.size(); ++i) {
      // The first column keeps the case number only: its name would give it away.
      const std::string_view text = i == 0 && !header ? cells[i].substr(0, 2) : cells[i];
      std::string shown(text);
      std::erase(shown, '*');
      row += header   ? fmt::format("<th>{}</th>", escape(shown))
             : i == 0 ? fmt::format("<th>{}</th>", escape(shown))
                      : fmt::format("<td class=\"{}\">{}</td>", cell_class(text), escape(shown));
    }
    rows += row + "</tr>\n";
    header = false;
  }
  return rows.empty() ? "" : fmt::format("<table class=\"matrix\">\n{}</table>", rows);
}

std::map<std::string, std::string> render_pages(const std::string& page,
                                                const std::string& case_template,
                                                const std::vector<CaseMaterial>& cases,
                                                const PackOptions& options) {
  auto skeleton = [&page](std::string_view kind, std::string_view title, std::string body) {
    return fill(page,
                {{"kind", std::string(kind)}, {"title", escape(title)}, {"body", std::move(body)}});
  };
  std::map<std::string, std::string> pages;
  pages["index.html"] = skeleton("index", "The cases", index_body(cases, options));
  for (const CaseMaterial& m : cases) {
    pages[case_file(m.c)] = skeleton("case", fmt::format("Case {}", m.c.number()),
                                     case_body(case_template, m, options));
  }
  if (options.session) {
    pages["session.html"] = skeleton("session", "The session", session_body(cases));
    pages["notes.html"] = skeleton("notes", "Presenter notes", notes_body(cases));
  }
  if (const std::string table = render_matrix(options.matrix_markdown); !table.empty()) {
    pages["matrix.html"] = skeleton("matrix", "Detection matrix", matrix_body(table));
  }
  return pages;
}

}  // namespace bughunt
