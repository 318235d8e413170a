// harness/bughunt/report_internal.h — what the report readers share among
// report.cpp, report_sanitizer.cpp, report_gtest.cpp, report_frames.cpp and
// report_valgrind.cpp. Not for other callers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/bughunt/report.h"

namespace bughunt::report_internal {

using Lines = std::vector<std::string_view>;

// A report of `source` and `kind` headed `headline`, its summary until a SUMMARY line says more.
Report make_report(Source source, Kind kind, std::string_view headline);

// "T1", "main thread", "#3": the thread a stack's heading names; empty when none.
std::string thread_of(std::string_view heading);

// Adds `frame` to the report's last stack, or to a new one that `heading` opens.
void push_frame(Report& r, Frame frame, bool new_stack, std::string_view heading, Role role);

// True when `line` opens a sanitizer report: "ERROR: AddressSanitizer: ...",
// "WARNING: ThreadSanitizer: ...", UBSan's "...: runtime error: ...".
bool opens_sanitizer_report(std::string_view line);

// The sanitizer report whose opener is lines[i] into r; returns the line after it.
std::size_t read_sanitizer(const Lines& lines, std::size_t i, const ReadOptions& options,
                           Report& r);

// True when `line` opens a gtest failure, an escaped exception or a failed
// assert(): a sanitizer report before it ends there.
bool opens_other_report(std::string_view line);

// The gtest failure, escaped exception or failed assert() at lines[i]; nullopt when none is.
std::optional<Report> read_assertion(const Lines& lines, std::size_t i, const ReadOptions& options);

// A frame for a bare "file.cpp:27:10" (UBSan's and gtest's own locations); nullopt without a file.
std::optional<Frame> located(std::string_view location, const ReadOptions& options);

// True for a line of Valgrind's ("==123== ...").
bool is_valgrind_line(std::string_view line);

// True when `line` is a Valgrind error's headline ("==123== Invalid read of size 8").
bool opens_valgrind_error(std::string_view line);

// The Valgrind error headed at lines[i]; returns the line after it.
std::size_t read_valgrind_error(const Lines& lines, std::size_t i, const ReadOptions& options,
                                Report& r);

// The stacks under the Valgrind line lines[i] (r's headline) into r; returns the line after them.
std::size_t read_valgrind_stacks(const Lines& lines, std::size_t i, const ReadOptions& options,
                                 Report& r);

// Valgrind's count decides: no errors, no Valgrind reports; errors without a
// headline known here, one report that says how many.
void settle_valgrind(std::string_view output, std::vector<Report>& reports);

}  // namespace bughunt::report_internal
