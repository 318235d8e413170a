#include "harness/bughunt/change.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <regex>

#include "harness/bughunt/fix_diff.h"
#include "harness/bughunt/naming.h"
#include "harness/bughunt/text.h"

namespace bughunt {

std::string change_diff(const std::filesystem::path& source_dir, const Case& c) {
  return unified_diff(source_dir / source_path(c, Variant::kFix),
                      source_path(c, Variant::kFix).string(),
                      source_dir / source_path(c, Variant::kBug),
                      source_path(c, Variant::kBug).string(), kReviewContext);
}

std::vector<Hunk> new_side_hunks(std::string_view patch) {
  static const std::regex header(R"(^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@)");
  std::vector<Hunk> hunks;
  for (std::string_view line : lines_of(patch)) {
    std::cmatch m;
    if (!std::regex_search(line.data(), line.data() + line.size(), m, header)) continue;
    const int first = std::stoi(m[1].str());
    const int count = m[2].matched ? std::stoi(m[2].str()) : 1;
    // "+c,0": nothing left on the new side; the gap is after line c.
    hunks.push_back(count == 0 ? Hunk{first, first + 1} : Hunk{first, first + count - 1});
  }
  return hunks;
}

std::vector<PatchLine> patch_lines(std::string_view patch) {
  using Kind = PatchLine::Kind;
  std::vector<PatchLine> out;
  int next = 0;
  for (std::string_view line : lines_of(patch)) {
    PatchLine l{.text = line};
    if (line.starts_with("+++") || line.starts_with("---")) {
      l.kind = Kind::kFile;
    } else if (line.starts_with("@@")) {
      l.kind = Kind::kHunk;
      const std::vector<Hunk> hunk = new_side_hunks(line);
      next = hunk.empty() ? 0 : hunk.front().first;
    } else if (line.starts_with("+")) {
      l = {Kind::kAdded, next++, line};
    } else if (line.starts_with("-")) {
      l.kind = Kind::kRemoved;
    } else if (line.starts_with(" ")) {
      l = {Kind::kContext, next++, line};
    } else {
      l.kind = Kind::kNote;
    }
    out.push_back(l);
  }
  return out;
}

std::string lines_named(const std::vector<int>& lines) {
  std::string out = lines.size() == 1 ? "line" : "lines";
  for (std::size_t i = 0; i < lines.size(); ++i)
    out += fmt::format("{}{}", i == 0 ? " " : ", ", lines[i]);
  return out;
}

std::string_view name(Review g) {
  switch (g) {
    case Review::kRight:
      return "right";
    case Review::kClose:
      return "close";
    case Review::kWrong:
      break;
  }
  return "wrong";
}

std::optional<Review> parse_review(std::string_view text) {
  for (Review g : {Review::kRight, Review::kClose, Review::kWrong}) {
    if (name(g) == text) return g;
  }
  return std::nullopt;
}

Review grade_line(const Case& c, int line) {
  Review best = Review::kWrong;
  for (int declared : c.lines) {
    if (declared == line) return Review::kRight;
    if (std::abs(declared - line) <= kCloseLines) best = Review::kClose;
  }
  return best;
}

Review grade(const Case& c, const std::vector<int>& lines, bool approve) {
  if (approve) return Review::kWrong;
  Review best = Review::kWrong;
  for (int line : lines) best = std::min(best, grade_line(c, line));
  return best;
}

}  // namespace bughunt
