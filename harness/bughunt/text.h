// harness/bughunt/text.h — small text helpers every part of the command line uses.
#pragma once

#include <filesystem>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace bughunt {

// The lines of `text`, without their '\n'.
std::vector<std::string_view> lines_of(std::string_view text);

// `text` without leading and trailing white space.
std::string_view trim(std::string_view text);

// A line without the "==1234==" prefix ASan, LSan and Valgrind give their
// lines, trimmed.
std::string_view drop_pid_prefix(std::string_view line);

// True when `pattern` matches somewhere in `text`.
bool matches(std::string_view text, const std::regex& pattern);

// Runs of white space collapsed to one space, so a multi-line message reads as one line.
std::string one_line(std::string_view text);

// `text` cut to its first `most` characters and "…" when it is longer, to
// echo what a user typed without echoing 10 KB of it.
std::string shortened(std::string_view text, std::size_t most = 40);

// Removes terminal colour sequences (ESC [ ... m) so matching sees plain text.
std::string strip_colour(std::string_view text);

// The whole file. Throws std::runtime_error naming it when it cannot be read.
std::string read_file(const std::filesystem::path& path);

}  // namespace bughunt
