// harness/bughunt/change.h — a case as a pull request to review: the patch
// from the fixed program to the broken one, its hunks, and a reviewer's
// answer graded against the lines the manifest declares.
//
// Example:
//
//   const std::string patch = change_diff(ctx.source_dir, c);  // what the reviewer reads
//   const Review g = grade(c, {24});                            // kRight for case 02
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/bughunt/manifest.h"

namespace bughunt {

// Lines of context around each hunk: enough to see what the changed lines use.
inline constexpr int kReviewContext = 5;
// An answer this many lines from a declared line, or fewer, is close.
inline constexpr int kCloseLines = 2;

// `diff -U5` from c's fix to its bug, labelled with their paths in the
// repository: the change as the reviewer reads it. Throws Stop when diff fails.
std::string change_diff(const std::filesystem::path& source_dir, const Case& c);

// One hunk's lines on the new side (the bug file): first to last, inclusive.
struct Hunk {
  int first = 0;
  int last = 0;
};

// The hunks of a unified diff, in order, as their "@@ -a,b +c,d @@" headers
// give them. A hunk of only removed lines covers the line before the gap and
// the one after it.
std::vector<Hunk> new_side_hunks(std::string_view patch);

// One line of a unified diff, classified, with its number in the new file (the
// bug file, for a change): 0 where the new file has no such line (a removed
// line, a header, a "\ No newline" note).
struct PatchLine {
  enum class Kind { kFile, kHunk, kAdded, kRemoved, kContext, kNote };
  Kind kind = Kind::kContext;
  int number = 0;
  std::string_view text;  // the line as the patch has it, its '+', '-' or ' ' included
};

// The lines of `patch`, in order, each classified and numbered; views into `patch`.
std::vector<PatchLine> patch_lines(std::string_view patch);

// "line 24", "lines 24, 25": lines as an answer names them.
std::string lines_named(const std::vector<int>& lines);

// Best first: std::min of two grades is the better one.
enum class Review { kRight, kClose, kWrong };

std::string_view name(Review g);                            // "right", "close", "wrong"
std::optional<Review> parse_review(std::string_view text);  // name()'s inverse

// How near `line` is to one of c's declared lines.
Review grade_line(const Case& c, int line);

// A reviewer's answer: approving is wrong for every case (each change breaks
// its program); otherwise the best grade among the lines pointed at.
Review grade(const Case& c, const std::vector<int>& lines, bool approve = false);

}  // namespace bughunt
