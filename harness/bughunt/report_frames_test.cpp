// Tests of frames: their printed forms, where their files live, how they are named.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "harness/bughunt/report.h"
#include "harness/bughunt/testing/report_fixtures.h"
#include "harness/bughunt/text.h"

namespace {

using bughunt::Frame;
using bughunt::Kind;
using bughunt::Place;
using bughunt::read_frame;
using bughunt::read_reports;
using bughunt::Report;
using bughunt::Role;
using bughunt::Source;
using bughunt::testing::first_where;

bughunt::ReadOptions options(std::string source_dir) {
  bughunt::ReadOptions o;
  o.source_dir = std::move(source_dir);
  return o;
}

Frame frame_at(std::string file, int line, int column, std::string function) {
  Frame f;
  f.file = std::move(file);
  f.line = line;
  f.column = column;
  f.function = std::move(function);
  return f;
}

// Frames in each printed form read into function, file, line, column and place.
TEST(ReportFramesTest, FrameFormsReadIntoTheirParts) {
  auto frame = [](std::string_view line, const bughunt::ReadOptions& o = {}) {
    const std::optional<Frame> f = read_frame(line, o);
    return f ? fmt::format("{}|{}|{}|{}|{}", f->function, f->file, f->line, f->column,
                           bughunt::name(f->place))
             : "none";
  };
  EXPECT_EQ(frame("    #0 greetings::print(std::string*) bugs/02_deferred_greetings.cpp:29:22 "
                  "(case02_bug_tsan+0xd2a3c) (BuildId: edf33a9d)"),
            "greetings::print(std::string*)|bugs/02_deferred_greetings.cpp|29|22|program");
  EXPECT_EQ(frame("    #1 0x55d5 in encode(int, char) bugs/08_audit_trail.cpp:33:10"),
            "encode(int, char)|bugs/08_audit_trail.cpp|33|10|program");
  EXPECT_EQ(frame("    #17 0x7f23 in __libc_start_main (libc.so.6+0x29d8f)"),
            "__libc_start_main||0|0|library");
  EXPECT_EQ(frame("    #9 <null> <null> (libstdc++.so.6+0xd44a2) (BuildId: 289ee39f)"),
            "<null>||0|0|library");
  EXPECT_EQ(frame("    #3 0x7f02 (<unknown module>)"), "||0|0|library");
  EXPECT_EQ(frame("    #2 operator() bugs/02_deferred_greetings.cpp:16 (case02_bug_tsan+0xce6d)"),
            "operator()|bugs/02_deferred_greetings.cpp|16|0|program");
  EXPECT_EQ(frame("    #0 std::string::length() const /usr/include/c++/12/bits/"
                  "basic_string.h:1071:16 (x+0x1)"),
            "std::string::length() const|/usr/include/c++/12/bits/basic_string.h|1071|16|library");
  EXPECT_EQ(frame("    #7 get() /src/repo/pool/pool.h:442:23 (x+0x1)", options("/src/repo")),
            "get()|pool/pool.h|442|23|pool");
  EXPECT_EQ(frame("    #7 get() /src/repo/pool/pool.h:442 (x+0x1)", options("/src/repo/")),
            "get()|pool/pool.h|442|0|pool");
  EXPECT_EQ(frame("==20568==    by 0x1197B8: audit::describe_change(audit::UserRecord const&) "
                  "[clone .cold] (08_audit_trail.cpp:33)"),
            "audit::describe_change(audit::UserRecord const&) [clone "
            ".cold]|08_audit_trail.cpp|33|0|program");
  EXPECT_EQ(frame("==1==    at 0x484B3AE: memmove (in /usr/libexec/valgrind/vgpreload.so)"),
            "memmove||0|0|library");
  EXPECT_EQ(frame("by 0x114F90: TestBody() (06_status_endpoint_test.cpp:13)"),
            "TestBody()|06_status_endpoint_test.cpp|13|0|harness");
  EXPECT_EQ(frame("  Previous write of size 8 at 0x7b08 by thread T2:"), "none");
  EXPECT_EQ(frame("#define X 1"), "none");
}

// Folders place a file; a trainee's file named in the options is the program too.
TEST(ReportFramesTest, PlacesFollowFoldersAndProgramFiles) {
  using bughunt::place_of;
  EXPECT_EQ(place_of("bugs/02_deferred_greetings.cpp"), Place::kProgram);
  EXPECT_EQ(place_of("fixes/02_deferred_greetings.cpp"), Place::kProgram);
  EXPECT_EQ(place_of("harness/support/schedule.h"), Place::kHarness);
  EXPECT_EQ(place_of("pool/pool.h"), Place::kPool);
  EXPECT_EQ(place_of("/usr/include/c++/12/bits/basic_string.h"), Place::kLibrary);
  EXPECT_EQ(place_of(""), Place::kLibrary);
  EXPECT_EQ(place_of("02_deferred_greetings.cpp"), Place::kProgram);
  EXPECT_EQ(place_of("02_deferred_greetings_test.cpp"), Place::kHarness);
  EXPECT_EQ(place_of("pool.h"), Place::kLibrary);
  bughunt::ReadOptions trainee;
  trainee.program_files = {"/home/t/work/greetings.cpp"};
  EXPECT_EQ(place_of("/home/t/work/greetings.cpp"), Place::kLibrary);
  EXPECT_EQ(place_of("/home/t/work/greetings.cpp", trainee), Place::kProgram);
  EXPECT_EQ(place_of("greetings.cpp", trainee), Place::kProgram);
  const std::vector<Report> reports = read_reports(
      "WARNING: ThreadSanitizer: data race (pid=1)\n"
      "  Write of size 8 at 0x7b08 by thread T1:\n"
      "    #0 print() /home/t/work/greetings.cpp:29:22 (a.out+0x1)\n",
      66, trainee);
  EXPECT_EQ(first_where(reports), "/home/t/work/greetings.cpp:29");
}

// where() gives file:line, the column on request, the function of a frame with no file.
TEST(ReportFramesTest, WhereNamesFileAndLine) {
  const Frame f = frame_at("bugs/02_deferred_greetings.cpp", 29, 22, "f()");
  EXPECT_EQ(bughunt::where(f), "bugs/02_deferred_greetings.cpp:29");
  EXPECT_EQ(bughunt::where(f, true), "bugs/02_deferred_greetings.cpp:29:22");
  EXPECT_EQ(bughunt::where(frame_at("a.cpp", 3, 0, ""), true), "a.cpp:3");
  EXPECT_EQ(bughunt::where(frame_at("", 0, 0, "malloc")), "malloc");
}

// The names consumers print (--json, SARIF) for each enum.
TEST(ReportFramesTest, NamesAreTheReportsWords) {
  EXPECT_EQ(bughunt::name(Kind::kHeapUseAfterFree), "heap-use-after-free");
  EXPECT_EQ(bughunt::name(Kind::kBadFree), "bad-free");
  EXPECT_EQ(bughunt::name(Kind::kSignal), "signal");
  EXPECT_EQ(bughunt::name(Role::kPreviousAccess), "previous access");
  EXPECT_EQ(bughunt::name(Role::kDefined), "defined");
  EXPECT_EQ(bughunt::name(Role::kOther), "other");
  EXPECT_EQ(bughunt::name(Place::kPool), "pool");
  EXPECT_EQ(bughunt::name(Source::kValgrind), "valgrind");
}

}  // namespace
