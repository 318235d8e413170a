// The short report's layout: a header, a block per stack, the closing
// sentence, a line for each further report. The words are report_words'.
#include "harness/bughunt/report_short.h"

#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include "harness/bughunt/report_words.h"
#include "harness/bughunt/text.h"

namespace bughunt {

namespace {

// Columns a UTF-8 text takes ("…" is one).
std::size_t columns(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// `text` cut to `width` columns, ending in "…" when it was longer.
std::string fit(std::string_view text, std::size_t width) {
  if (columns(text) <= width) return std::string(text);
  std::string out;
  std::size_t n = 0;
  for (char c : text) {
    const bool starts = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (starts && ++n == width) break;
    out += c;
  }
  return out + "…";
}

// `text` wrapped at word boundaries to lines of at most `width` columns.
std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines(1);
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    const std::string_view word = text.substr(at, end - at);
    if (!lines.back().empty() && columns(lines.back()) + 1 + columns(word) > width) {
      lines.emplace_back();
    }
    lines.back() += fmt::format("{}{}", lines.back().empty() ? "" : " ", word);
    at = end + 1;
  }
  for (std::string& line : lines) line = fit(line, width);
  return lines;
}

fmt::text_style role_style(Role role) {
  switch (role) {
    case Role::kAccess:
    case Role::kLeaked:
      return fmt::fg(fmt::terminal_color::bright_red) | fmt::emphasis::bold;
    case Role::kPreviousAccess:
      return fmt::fg(fmt::terminal_color::bright_magenta) | fmt::emphasis::bold;
    case Role::kAllocated:
    case Role::kFreed:
    case Role::kDefined:
      return fmt::fg(fmt::terminal_color::bright_cyan) | fmt::emphasis::bold;
    default:
      return fmt::fg(fmt::terminal_color::bright_blue);
  }
}

// Which frames the short report shows: the program's; for a failed check, the scenario's line.
bool shown(const Report& r, const Frame& f) {
  return f.place == Place::kProgram || (r.kind == Kind::kAssertion && !f.file.empty());
}

class Writer {
 public:
  explicit Writer(const ShortOptions& options) : options_(options) {}

  void line(std::string_view text, std::optional<fmt::text_style> style = {}) {
    const std::string cut = fit(text, options_.width);
    out_ += options_.colour && style ? fmt::format(*style, "{}", cut) : cut;
    out_ += '\n';
  }

  void sentence(std::string_view text, std::optional<fmt::text_style> style = {}) {
    for (const std::string& l : wrap(text, options_.width)) line(l, style);
  }

  // "  file:line:col in f()", then the source line and a caret under the column.
  void frame(const Frame& f) {
    const std::string in = f.function.empty() ? "" : " in " + short_name(f.function);
    line(fmt::format("  {}{}", where(f, true), in), fmt::emphasis::bold);
    const std::string* source = source_line(f);
    if (!source) return;
    const std::string gutter = fmt::format("{:>6} | ", f.line);
    line(gutter + *source);
    if (f.column > 0 && static_cast<std::size_t>(f.column) <= source->size() + 1) {
      const std::string caret = fmt::format("{:>6} | {}^", "", std::string(f.column - 1, ' '));
      line(caret, fmt::fg(fmt::terminal_color::bright_green) | fmt::emphasis::bold);
    }
  }

  void stack(const Report& r, const Stack& s) {
    std::vector<std::size_t> picked;
    for (std::size_t i = 0; i < s.frames.size(); ++i) {
      if (shown(r, s.frames[i])) picked.push_back(i);
    }
    const std::string heading = title(r, s);
    if (picked.empty()) {
      const std::size_t n = s.frames.size();
      line(n == 0
               ? heading
               : fmt::format("{} ({} frame{}, none in the program)", heading, n, n == 1 ? "" : "s"),
           role_style(s.role));
      return;
    }
    line(heading, role_style(s.role));
    std::set<std::string> seen;
    for (std::size_t k = 0; k < picked.size(); ++k) {
      if (k > 0 && picked[k] > picked[k - 1] + 1) {
        line(fmt::format("  … {}", folded(s, picked[k - 1] + 1, picked[k])));
      }
      // A recursion: a frame shown already, and the calls between repeat.
      if (!seen.insert(where(s.frames[picked[k]], true)).second) {
        line(fmt::format("  … and round again: the calls above repeat through the last {} frames",
                         s.frames.size() - picked[k]));
        return;
      }
      frame(s.frames[picked[k]]);
    }
  }

  std::string text() const { return out_; }

 private:
  // The frame's line of source, tabs as spaces; null when the file or the line is not there.
  const std::string* source_line(const Frame& f) {
    if (f.file.empty() || f.line <= 0) return nullptr;
    std::filesystem::path path(f.file);
    if (path.is_relative()) path = options_.root / path;
    auto [it, fresh] = files_.try_emplace(path.string());
    if (fresh) {
      std::error_code error;
      if (std::filesystem::is_regular_file(path, error)) {
        const std::string text = read_file(path);
        for (std::string_view l : lines_of(text)) it->second.emplace_back(l);
        for (std::string& l : it->second) std::replace(l.begin(), l.end(), '\t', ' ');
      }
    }
    const auto index = static_cast<std::size_t>(f.line - 1);
    return index < it->second.size() ? &it->second[index] : nullptr;
  }

  const ShortOptions& options_;
  std::string out_;
  std::map<std::string, std::vector<std::string>> files_;
};

// The first report in full: header, stacks, the closing sentence.
void write_full(Writer& w, const Report& r, std::size_t index, std::size_t count) {
  std::string header = fmt::format("In short: {}, reported by {}", name(r.kind), reporter(r));
  if (count > 1) header += fmt::format(" (report {} of {})", index + 1, count);
  w.line(header, fmt::emphasis::bold | fmt::emphasis::underline);
  if (r.source == Source::kSanitizer && r.kind != Kind::kUndefinedBehaviour &&
      !r.summary.starts_with("SUMMARY:")) {
    w.line("(the report ends before its SUMMARY line: it was cut short)");
  }
  for (const Stack& s : r.stacks) w.stack(r, s);
  w.sentence(conclusion(r), fmt::emphasis::bold);
}

// A further report in one line: its kind and where it points; a failed
// check with what it got, a death in its own sentence.
std::string brief(const Report& r) {
  const Frame* f = nullptr;
  for (const Stack& s : r.stacks) {
    if ((f = key_frame(s))) break;
  }
  const std::string at = f ? " at " + where(*f) : "";
  if (r.kind == Kind::kAssertion) {
    if (r.expected.empty()) {
      return fmt::format("then: the check{} failed: {}", at,
                         r.message.empty() ? r.headline : r.message);
    }
    return fmt::format("then: the check{} got {}, wanted {}", at, r.actual, r.expected);
  }
  if (r.kind == Kind::kSignal) {
    std::string text = conclusion(r);
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return "then: " + text;
  }
  return f ? fmt::format("then: a {}{}", name(r.kind), at) : fmt::format("then: {}", r.headline);
}

}  // namespace

std::string folded(const Stack& s, std::size_t from, std::size_t to) {
  std::map<std::string, int> counts;
  std::vector<std::string> order;
  for (std::size_t i = from; i < to; ++i) {
    const Frame& f = s.frames[i];
    const bool standard = f.function.starts_with("std::") || f.function.starts_with("operator ") ||
                          f.file.find("/c++/") != std::string::npos;
    const std::string where = f.place == Place::kHarness ? "the harness"
                              : f.place == Place::kPool  ? "the pool"
                              : standard                 ? "the standard library"
                                                         : "other libraries";
    if (counts[where]++ == 0) order.push_back(where);
  }
  std::string out;
  for (const std::string& where : order) {
    const int n = counts[where];
    out += out.empty() ? fmt::format("{} frame{} in {}", n, n == 1 ? "" : "s", where)
                       : fmt::format(", {} in {}", n, where);
  }
  return out;
}

std::string short_report(const std::vector<Report>& reports, const ShortOptions& options) {
  Writer w(options);
  // Further reports a line each; the same line again counts, as "(2 reports)".
  std::string last;
  int repeats = 0;
  auto flush = [&] {
    if (repeats > 0)
      w.sentence(repeats == 1 ? last : fmt::format("{} ({} reports)", last, repeats));
    repeats = 0;
  };
  for (std::size_t i = 0; i < reports.size(); ++i) {
    if (i == 0 || options.all) {
      if (i > 0) w.line("");
      write_full(w, reports[i], i, reports.size());
      continue;
    }
    const std::string line = brief(reports[i]);
    if (line != last) flush();
    last = line;
    ++repeats;
  }
  flush();
  return w.text();
}

std::string short_name(std::string_view function) {
  static const std::pair<std::regex, const char*> kSpellings[] = {
      {std::regex(R"(std::(__cxx11::)?basic_string<char, std::char_traits<char>, )"
                  R"(std::allocator<char> ?>)"),
       "std::string"},
      {std::regex(R"(std::basic_string_view<char, std::char_traits<char> ?>)"), "std::string_view"},
      {std::regex(R"(std::(__cxx11::)?basic_string<char>)"), "std::string"},
      {std::regex(R"(std::__cxx11::)"), "std::"},
      {std::regex(R"(\[abi:cxx11\])"), ""},
      {std::regex(R"(\(anonymous namespace\)::)"), ""},
  };
  std::string name(function);
  for (const auto& [pattern, spelling] : kSpellings)
    name = std::regex_replace(name, pattern, spelling);
  if (name.size() <= 80) return name;
  // Each outermost template argument list folds to "<…>".
  std::string folded;
  int depth = 0;
  for (char c : name) {
    if (c == '<' && ++depth == 1) folded += "<…";
    if (c == '>' && depth > 0) --depth;
    if (depth == 0) folded += c;
  }
  return folded;
}

}  // namespace bughunt
