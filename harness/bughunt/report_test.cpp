// Tests of the report model on real captured reports (testdata/, made by
// scripts/capture-reports) and on canned texts for the kinds no case prints.
#include "harness/bughunt/report.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "harness/bughunt/text.h"

namespace {

using bughunt::first_program_frame;
using bughunt::Frame;
using bughunt::Kind;
using bughunt::Place;
using bughunt::read_frame;
using bughunt::read_reports;
using bughunt::Report;
using bughunt::Role;
using bughunt::Source;

const std::filesystem::path kTestdata = BUGHUNT_SOURCE_DIR "/harness/bughunt/testdata";

std::string fixture(const std::string& file) { return bughunt::read_file(kTestdata / file); }

// The exit status each fixture's run ended with, as the capture script saved it.
int exit_status(const std::string& file) {
  static const std::map<std::string, int> statuses = [] {
    std::map<std::string, int> m;
    std::istringstream in(fixture("exit_status.txt"));
    std::string name;
    int status = 0;
    while (in >> name >> status) m[name] = status;
    return m;
  }();
  const auto it = statuses.find(file);
  return it == statuses.end() ? -1 : it->second;
}

std::vector<Report> reports_of(const std::string& file) {
  return read_reports(fixture(file), exit_status(file));
}

// A headline with what changes from run to run masked: pids, addresses, system thread ids.
std::string stable(std::string text) {
  text = std::regex_replace(text, std::regex(R"(pid=\d+)"), "pid=N");
  text = std::regex_replace(text, std::regex("0x[0-9a-fA-F]+"), "0x_");
  return std::regex_replace(text, std::regex(R"(\bT\d{3,}\b)"), "T_");
}

std::string roles(const Report& r) {
  std::string out;
  for (const bughunt::Stack& s : r.stacks) {
    out += fmt::format("{}{}", out.empty() ? "" : ", ", bughunt::name(s.role));
  }
  return out;
}

std::string first_where(const std::vector<Report>& reports) {
  const Frame* f = first_program_frame(reports);
  return f ? bughunt::where(*f) : "";
}

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

struct Fixture {
  const char* file;
  Source source;                    // of the first report
  Kind kind;                        // of the first report
  const char* headline;             // the first report's, through stable()
  const char* roles;                // the first report's stacks, in order
  const char* first_program_frame;  // "" when none
};

const Fixture kFixtures[] = {
    {"01_forgotten_reset.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     R"(harness/cases/01_forgotten_reset_test.cpp:15: Failure Expected equality of these values: greeting Which is: "hello alicehello bob" "hello " + name Which is: "hello bob" the greeting for bob reads 'hello alicehello bob')",
     "access", ""},
    {"02_use_after_put.tsan.txt", Source::kSanitizer, Kind::kDataRace,
     "WARNING: ThreadSanitizer: data race (pid=N)",
     "access, previous access, allocated, thread created, thread created",
     "bugs/02_use_after_put.cpp:29"},
    {"03_wrong_factory_type.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     R"(unknown file: Failure C++ exception with description "bad any_cast" thrown in the test body.)",
     "", ""},
    {"04_copied_pool.asan.txt", Source::kSanitizer, Kind::kDoubleFree,
     "ERROR: AddressSanitizer: attempting double-free on 0x_ in thread T0:",
     "access, freed, allocated", "bugs/04_copied_pool.cpp:27"},
    {"05_pinned_payload.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     "harness/cases/05_pinned_payload_test.cpp:38: Failure Value of: watch.expired() Actual: false "
     "Expected: true the payload of request 1 (483 KiB) is still alive after parse returned and "
     "its "
     "caller dropped it (1 owner left)",
     "access", ""},
    {"06_missing_factory.asan.txt", Source::kSanitizer, Kind::kUndefinedBehaviour,
     "bugs/06_missing_factory.cpp:27:10: runtime error: member call on null pointer of type "
     "'std::basic_string<char>'",
     "access", "bugs/06_missing_factory.cpp:27"},
    {"07_stale_length.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     R"(harness/cases/07_stale_length_test.cpp:16: Failure Expected equality of these values: framed Which is: "5:alice,3:bob," wanted Which is: "3:bob," the frame for bob reads '5:alice,3:bob,')",
     "access", ""},
    {"08_view_after_put.asan.txt", Source::kSanitizer, Kind::kHeapUseAfterFree,
     "ERROR: AddressSanitizer: heap-use-after-free on address 0x_ at pc 0x_ bp 0x_ sp 0x_",
     "access, freed, allocated", "bugs/08_view_after_put.cpp:33"},
    {"09_unbounded_growth.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     "harness/cases/09_unbounded_growth_test.cpp:80: Failure Expected: (held) <= "
     "(kIdleHeapBudget), actual: 16830880 vs 2097152 after 8 uploads of 2 MiB the idle server "
     "still holds 16.1 MiB of heap (budget 2 MiB)",
     "access", ""},
    {"10_detached_reader.tsan.txt", Source::kSanitizer, Kind::kDataRace,
     "WARNING: ThreadSanitizer: data race (pid=N)",
     "access, previous access, allocated, thread created", "bugs/10_detached_reader.cpp:31"},
    {"11_leak_on_error.asan.txt", Source::kSanitizer, Kind::kLeak,
     "ERROR: LeakSanitizer: detected memory leaks", "leaked, leaked",
     "bugs/11_leak_on_error.cpp:17"},
    {"12_pooled_mutex.tsan.txt", Source::kSanitizer, Kind::kDataRace,
     "WARNING: ThreadSanitizer: data race (pid=N)",
     "access, previous access, mutex, mutex, thread created", "bugs/12_pooled_mutex.cpp:30"},
    {"13_reentrant_factory.asan.txt", Source::kSanitizer, Kind::kStackOverflow,
     "ERROR: AddressSanitizer: stack-overflow on address 0x_ (pc 0x_ bp 0x_ sp 0x_ T0)", "access",
     "bugs/13_reentrant_factory.cpp:35"},
    {"14_huge_objects.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     "harness/cases/14_huge_objects_test.cpp:54: Failure Expected: (held) <= (kIdleHeapBudget), "
     "actual: 67136096 vs 16777216 after a burst of 4 batches and one collection cycle the quiet "
     "exporter still holds 64.0 MiB of heap (budget 16 MiB)",
     "access", ""},
    {"15_reset_while_writing.tsan.txt", Source::kSanitizer, Kind::kDataRace,
     "WARNING: ThreadSanitizer: data race (pid=N)",
     "access, previous access, allocated, thread created", "bugs/15_reset_while_writing.cpp:21"},
    {"16_put_in_factory.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     R"(harness/cases/16_put_in_factory_test.cpp:14: Failure Expected equality of these values: frame Which is: "0:," want Which is: "10:hello, bob," the frame for bob reads '0:,')",
     "access", ""},
    {"17_evicted_job.asan.txt", Source::kSanitizer, Kind::kHeapUseAfterFree,
     "ERROR: AddressSanitizer: heap-use-after-free on address 0x_ at pc 0x_ bp 0x_ sp 0x_",
     "access, freed, allocated", "bugs/17_evicted_job.cpp:64"},
    {"18_costly_factory.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     "harness/cases/18_costly_factory_test.cpp:40: Failure Expected equality of these values: "
     "built Which is: 10 1u Which is: 1 sealing 50 records in 10 bursts built the CRC-32 table 10 "
     "times",
     "access", ""},
    {"19_retained_reader.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     R"(harness/cases/19_retained_reader_test.cpp:19: Failure Expected equality of these values: greeting_body Which is: "bye, bob" "hello, alice" the body of 'greeting' reads 'bye, bob')",
     "access", ""},
    {"20_zero_default.asan.txt", Source::kSanitizer, Kind::kUndefinedBehaviour,
     "bugs/20_zero_default.cpp:39:11: runtime error: member call on null pointer of type "
     "'std::basic_string<char>'",
     "access", "bugs/20_zero_default.cpp:39"},
    // Other flavours and compilers of the same cases.
    {"04_copied_pool.plain.txt", Source::kRuntime, Kind::kSignal,
     "free(): double free detected in tcache 2", "", ""},
    {"06_missing_factory.plain.txt", Source::kRuntime, Kind::kSignal, "killed by SIGSEGV", "", ""},
    {"06_missing_factory.tsan.txt", Source::kSanitizer, Kind::kSegv,
     "ERROR: ThreadSanitizer: SEGV on unknown address 0x_ (pc 0x_ bp 0x_ sp 0x_ T_)", "access",
     "bugs/06_missing_factory.cpp:27"},
    {"13_reentrant_factory.tsan.txt", Source::kSanitizer, Kind::kStackOverflow,
     "ERROR: ThreadSanitizer: stack-overflow on address 0x_ (pc 0x_ bp 0x_ sp 0x_ T_)", "access",
     "bugs/13_reentrant_factory.cpp:35"},
    {"02_use_after_put.gcc-tsan.txt", Source::kSanitizer, Kind::kDataRace,
     "WARNING: ThreadSanitizer: data race (pid=N)",
     "access, previous access, allocated, thread created, thread created",
     "bugs/02_use_after_put.cpp:29"},
    {"08_view_after_put.gcc-asan.txt", Source::kSanitizer, Kind::kHeapUseAfterFree,
     "ERROR: AddressSanitizer: heap-use-after-free on address 0x_ at pc 0x_ bp 0x_ sp 0x_",
     "access, freed, allocated", "bugs/08_view_after_put.cpp:33"},
    // Valgrind names files without their folder.
    {"06_missing_factory.memcheck.txt", Source::kValgrind, Kind::kValgrindError,
     "Invalid write of size 8", "access", "06_missing_factory.cpp:27"},
    {"08_view_after_put.memcheck.txt", Source::kValgrind, Kind::kValgrindError,
     "Invalid read of size 8", "access, freed, allocated", "08_view_after_put.cpp:33"},
    {"11_leak_on_error.memcheck.txt", Source::kValgrind, Kind::kValgrindError,
     "189 (96 direct, 93 indirect) bytes in 3 blocks are definitely lost in loss record 7 of 7",
     "leaked", "11_leak_on_error.cpp:17"},
    {"02_use_after_put.helgrind.txt", Source::kValgrind, Kind::kValgrindError,
     "Possible data race during read of size 1 at 0x_ by thread #3", "access, previous access",
     "02_use_after_put.cpp:21"},
    {"02_use_after_put.drd.txt", Source::kValgrind, Kind::kValgrindError,
     "Conflicting load by thread 3 at 0x_ size 8", "access, other, other",
     "02_use_after_put.cpp:21"},
};

// Each real report reads as printed: first report's kind, headline, roles; first program frame.
TEST(ReportTest, EveryFixtureReadsAsCaptured) {
  for (const Fixture& f : kFixtures) {
    SCOPED_TRACE(f.file);
    const std::vector<Report> reports = reports_of(f.file);
    ASSERT_FALSE(reports.empty());
    EXPECT_EQ(reports.front().source, f.source);
    EXPECT_EQ(reports.front().kind, f.kind);
    EXPECT_EQ(stable(reports.front().headline), f.headline);
    EXPECT_EQ(roles(reports.front()), f.roles);
    EXPECT_EQ(first_where(reports), f.first_program_frame);
  }
}

// The table and testdata/ agree: a fixture the script adds needs its row.
TEST(ReportTest, TableCoversEveryFixture) {
  std::set<std::string> files, rows;
  for (const auto& entry : std::filesystem::directory_iterator(kTestdata)) {
    const std::string name = entry.path().filename().string();
    if (name != "exit_status.txt") files.insert(name);
  }
  for (const Fixture& f : kFixtures) {
    rows.insert(f.file);
    EXPECT_GE(exit_status(f.file), 0) << f.file << " has no exit status";
  }
  EXPECT_EQ(files, rows);
}

// A one-line headline is its line as printed, pid prefix dropped: the matrix's evidence.
TEST(ReportTest, OneLineHeadlinesAreTheLinesAsPrinted) {
  for (const Fixture& f : kFixtures) {
    const std::string output = fixture(f.file);
    for (const Report& r : read_reports(output, exit_status(f.file))) {
      if (r.source == Source::kGoogleTest || r.headline.starts_with("killed by ")) continue;
      bool found = false;
      for (std::string_view line : bughunt::lines_of(output)) {
        found = found || bughunt::drop_pid_prefix(line) == r.headline;
      }
      EXPECT_TRUE(found) << f.file << ": " << r.headline;
    }
  }
}

// Reports come in printed order: each TSan warning its own, the failed check after them.
TEST(ReportTest, ReportsComeInPrintedOrder) {
  const std::vector<Report> reports = reports_of("15_reset_while_writing.tsan.txt");
  ASSERT_EQ(reports.size(), 6u);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(reports[i].kind, Kind::kDataRace) << i;
  EXPECT_EQ(reports[5].kind, Kind::kAssertion);
  EXPECT_EQ(reports[3].stacks[0].thread, "main thread");
  EXPECT_EQ(reports[3].stacks[1].thread, "T1");
}

// A TSan race in detail: stack headings and threads, each frame's parts, the SUMMARY.
TEST(ReportTest, TsanRaceReadsStacksAndFrames) {
  const Report r = reports_of("02_use_after_put.tsan.txt").front();
  ASSERT_EQ(r.stacks.size(), 5u);
  EXPECT_EQ(stable(r.stacks[0].heading), "Read of size 8 at 0x_ by thread T1:");
  EXPECT_EQ(r.stacks[0].thread, "T1");
  EXPECT_EQ(r.stacks[1].thread, "T2");
  EXPECT_EQ(r.stacks[3].thread, "T1");
  const Frame& print = r.stacks[0].frames[2];
  EXPECT_EQ(print.function,
            "greetings::print(std::__cxx11::basic_string<char, std::char_traits<char>, "
            "std::allocator<char> >*)");
  EXPECT_EQ(print.file, "bugs/02_use_after_put.cpp");
  EXPECT_EQ(print.line, 29);
  EXPECT_EQ(print.column, 22);
  EXPECT_EQ(print.place, Place::kProgram);
  EXPECT_EQ(r.stacks[0].frames[3].place, Place::kHarness);
  EXPECT_EQ(r.stacks[0].frames[0].place, Place::kLibrary);
  EXPECT_EQ(r.stacks[0].frames.back().function, "<null>");
  EXPECT_EQ(r.stacks[0].frames.back().file, "");
  EXPECT_EQ(r.stacks[2].frames[7].place, Place::kPool);
  EXPECT_TRUE(r.summary.starts_with("SUMMARY: ThreadSanitizer: data race ")) << r.summary;
}

// ASan: the access's thread, the SUMMARY; a frame naming only its module has no file.
TEST(ReportTest, AsanReportReadsSummaryAndModuleFrames) {
  const Report r = reports_of("08_view_after_put.asan.txt").front();
  EXPECT_EQ(r.stacks[0].thread, "T0");
  EXPECT_EQ(stable(r.stacks[0].heading), "READ of size 21 at 0x_ thread T0");
  EXPECT_EQ(r.stacks[1].heading, "freed by thread T0 here:");
  EXPECT_EQ(r.stacks[0].frames[0].function, "__asan_memmove");
  EXPECT_EQ(r.stacks[0].frames[0].file, "");
  EXPECT_TRUE(r.summary.starts_with("SUMMARY: AddressSanitizer: heap-use-after-free")) << r.summary;
  const Report leak = reports_of("11_leak_on_error.asan.txt").front();
  EXPECT_EQ(leak.summary, "SUMMARY: AddressSanitizer: 189 byte(s) leaked in 6 allocation(s).");
}

// Frames in each printed form read into function, file, line, column and place.
TEST(ReportTest, FrameFormsReadIntoTheirParts) {
  auto frame = [](std::string_view line, const bughunt::ReadOptions& o = {}) {
    const std::optional<Frame> f = read_frame(line, o);
    return f ? fmt::format("{}|{}|{}|{}|{}", f->function, f->file, f->line, f->column,
                           bughunt::name(f->place))
             : "none";
  };
  EXPECT_EQ(frame("    #0 greetings::print(std::string*) bugs/02_use_after_put.cpp:29:22 "
                  "(case02_bug_tsan+0xd2a3c) (BuildId: edf33a9d)"),
            "greetings::print(std::string*)|bugs/02_use_after_put.cpp|29|22|program");
  EXPECT_EQ(frame("    #1 0x55d5 in encode(int, char) bugs/08_view_after_put.cpp:33:10"),
            "encode(int, char)|bugs/08_view_after_put.cpp|33|10|program");
  EXPECT_EQ(frame("    #17 0x7f23 in __libc_start_main (libc.so.6+0x29d8f)"),
            "__libc_start_main||0|0|library");
  EXPECT_EQ(frame("    #9 <null> <null> (libstdc++.so.6+0xd44a2) (BuildId: 289ee39f)"),
            "<null>||0|0|library");
  EXPECT_EQ(frame("    #3 0x7f02 (<unknown module>)"), "||0|0|library");
  EXPECT_EQ(frame("    #2 operator() bugs/02_use_after_put.cpp:16 (case02_bug_tsan+0xce6d)"),
            "operator()|bugs/02_use_after_put.cpp|16|0|program");
  EXPECT_EQ(frame("    #0 std::string::length() const /usr/include/c++/12/bits/"
                  "basic_string.h:1071:16 (x+0x1)"),
            "std::string::length() const|/usr/include/c++/12/bits/basic_string.h|1071|16|library");
  EXPECT_EQ(frame("    #7 get() /src/repo/pool/pool.h:442:23 (x+0x1)", options("/src/repo")),
            "get()|pool/pool.h|442|23|pool");
  EXPECT_EQ(frame("    #7 get() /src/repo/pool/pool.h:442 (x+0x1)", options("/src/repo/")),
            "get()|pool/pool.h|442|0|pool");
  EXPECT_EQ(frame("==20568==    by 0x1197B8: audit::describe_change(audit::UserRecord const&) "
                  "[clone .cold] (08_view_after_put.cpp:33)"),
            "audit::describe_change(audit::UserRecord const&) [clone "
            ".cold]|08_view_after_put.cpp|33|0|program");
  EXPECT_EQ(frame("==1==    at 0x484B3AE: memmove (in /usr/libexec/valgrind/vgpreload.so)"),
            "memmove||0|0|library");
  EXPECT_EQ(frame("by 0x114F90: TestBody() (06_missing_factory_test.cpp:13)"),
            "TestBody()|06_missing_factory_test.cpp|13|0|harness");
  EXPECT_EQ(frame("  Previous write of size 8 at 0x7b08 by thread T2:"), "none");
  EXPECT_EQ(frame("#define X 1"), "none");
}

// Folders place a file; a trainee's file named in the options is the program too.
TEST(ReportTest, PlacesFollowFoldersAndProgramFiles) {
  using bughunt::place_of;
  EXPECT_EQ(place_of("bugs/02_use_after_put.cpp"), Place::kProgram);
  EXPECT_EQ(place_of("fixes/02_use_after_put.cpp"), Place::kProgram);
  EXPECT_EQ(place_of("harness/support/schedule.h"), Place::kHarness);
  EXPECT_EQ(place_of("pool/pool.h"), Place::kPool);
  EXPECT_EQ(place_of("/usr/include/c++/12/bits/basic_string.h"), Place::kLibrary);
  EXPECT_EQ(place_of(""), Place::kLibrary);
  EXPECT_EQ(place_of("02_use_after_put.cpp"), Place::kProgram);
  EXPECT_EQ(place_of("02_use_after_put_test.cpp"), Place::kHarness);
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
TEST(ReportTest, WhereNamesFileAndLine) {
  const Frame f = frame_at("bugs/02_use_after_put.cpp", 29, 22, "f()");
  EXPECT_EQ(bughunt::where(f), "bugs/02_use_after_put.cpp:29");
  EXPECT_EQ(bughunt::where(f, true), "bugs/02_use_after_put.cpp:29:22");
  EXPECT_EQ(bughunt::where(frame_at("a.cpp", 3, 0, ""), true), "a.cpp:3");
  EXPECT_EQ(bughunt::where(frame_at("", 0, 0, "malloc")), "malloc");
}

// The sanitizer check is one pattern: the scan agrees with its regex form line by line.
TEST(ReportTest, SanitizerCheckAgreesWithItsPattern) {
  EXPECT_EQ(bughunt::sanitizer_report_pattern(),
            "(Address|Thread|Leak|UndefinedBehavior|Memory)Sanitizer|runtime error:");
  const std::regex pattern{std::string(bughunt::sanitizer_report_pattern())};
  std::vector<std::string> texts = {
      "ThreadSanitizer:DEADLYSIGNAL", "Sanitizer", "Thread Sanitizer",
      "x.cpp:1:2: runtime error: y",  "",          "UndefinedBehaviorSanitizer"};
  for (const Fixture& f : kFixtures) texts.push_back(fixture(f.file));
  for (const std::string& text : texts) {
    for (std::string_view line : bughunt::lines_of(text)) {
      EXPECT_EQ(bughunt::has_sanitizer_report(line),
                std::regex_search(line.begin(), line.end(), pattern))
          << line;
    }
  }
  EXPECT_TRUE(bughunt::has_sanitizer_report(fixture("02_use_after_put.tsan.txt")));
  EXPECT_FALSE(bughunt::has_sanitizer_report(fixture("01_forgotten_reset.plain.txt")));
  EXPECT_FALSE(bughunt::has_sanitizer_report(fixture("08_view_after_put.memcheck.txt")));
}

// Only an ERROR opener is fatal (the runtime exits); TSan warnings and UBSan lines are not.
TEST(ReportTest, FatalOpenersAreErrorsOnly) {
  using bughunt::opens_fatal_sanitizer_report;
  EXPECT_TRUE(opens_fatal_sanitizer_report("==1==ERROR: AddressSanitizer: heap-use-after-free"));
  EXPECT_TRUE(opens_fatal_sanitizer_report("==2==ERROR: LeakSanitizer: detected memory leaks"));
  EXPECT_TRUE(opens_fatal_sanitizer_report("==9==ERROR: ThreadSanitizer: SEGV on unknown address"));
  EXPECT_FALSE(opens_fatal_sanitizer_report("WARNING: ThreadSanitizer: data race (pid=1)"));
  EXPECT_FALSE(opens_fatal_sanitizer_report("a.cpp:1:2: runtime error: load of null pointer"));
  EXPECT_FALSE(opens_fatal_sanitizer_report("ThreadSanitizer:DEADLYSIGNAL"));
  EXPECT_FALSE(opens_fatal_sanitizer_report("ERROR: no such Sanitizer"));
}

// TSan's thread leak: where the leaked thread was created is its one stack.
TEST(ReportTest, ThreadLeakReadsItsCreation) {
  const std::vector<Report> reports = read_reports(
      "==================\n"
      "WARNING: ThreadSanitizer: thread leak (pid=812)\n"
      "  Thread T1 (tid=814, finished) created by main thread at:\n"
      "    #0 pthread_create <null> (a.out+0x5a9dd) (BuildId: 1f)\n"
      "    #1 main bugs/21_example.cpp:12:3 (a.out+0xd1234) (BuildId: 1f)\n"
      "\n"
      "SUMMARY: ThreadSanitizer: thread leak bugs/21_example.cpp:12:3 in main\n"
      "==================\n"
      "ThreadSanitizer: reported 1 warnings\n",
      66);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].kind, Kind::kThreadLeak);
  EXPECT_EQ(roles(reports[0]), "thread created");
  EXPECT_EQ(reports[0].stacks[0].thread, "T1");
  EXPECT_EQ(reports[0].summary,
            "SUMMARY: ThreadSanitizer: thread leak bugs/21_example.cpp:12:3 in main");
  EXPECT_EQ(first_where(reports), "bugs/21_example.cpp:12");
}

// A locked mutex destroyed: where destroyed, where locked ("and:"), where created.
TEST(ReportTest, LockedMutexDestroyReadsThreeStacks) {
  const std::vector<Report> reports = read_reports(
      "WARNING: ThreadSanitizer: destroy of a locked mutex (pid=900)\n"
      "    #0 pthread_mutex_destroy <null> (a.out+0x4b2c6)\n"
      "    #1 Guard::~Guard() bugs/21_example.cpp:20:5 (a.out+0xd10a2)\n"
      "\n"
      "  and:\n"
      "    #0 pthread_mutex_lock <null> (a.out+0x4d2b0)\n"
      "    #1 Guard::lock() bugs/21_example.cpp:14:5 (a.out+0xd1050)\n"
      "\n"
      "  Mutex M0 (0x7b0400000000) created at:\n"
      "    #0 pthread_mutex_init <null> (a.out+0x4b1a0)\n"
      "    #1 Guard::Guard() bugs/21_example.cpp:10:5 (a.out+0xd1000)\n"
      "\n"
      "SUMMARY: ThreadSanitizer: destroy of a locked mutex bugs/21_example.cpp:20:5 in "
      "Guard::~Guard()\n",
      66);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].kind, Kind::kLockedMutexDestroy);
  EXPECT_EQ(roles(reports[0]), "access, other, mutex");
  EXPECT_EQ(reports[0].stacks[1].heading, "and:");
  EXPECT_EQ(first_where(reports), "bugs/21_example.cpp:20");
}

// A signal-unsafe call: the call inside the handler is the access.
TEST(ReportTest, SignalUnsafeCallReadsTheHandler) {
  const std::vector<Report> reports = read_reports(
      "WARNING: ThreadSanitizer: signal-unsafe call inside of a signal (pid=77)\n"
      "    #0 malloc <null> (a.out+0x4a1b3)\n"
      "    #1 on_signal(int) bugs/21_example.cpp:8:13 (a.out+0xd0f2e)\n"
      "\n"
      "SUMMARY: ThreadSanitizer: signal-unsafe call inside of a signal "
      "bugs/21_example.cpp:8:13 in on_signal(int)\n",
      66);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].kind, Kind::kSignalUnsafeCall);
  EXPECT_EQ(roles(reports[0]), "access");
  EXPECT_EQ(first_where(reports), "bugs/21_example.cpp:8");
}

// ASan double free without blank lines; its SEGV, whose "==31==Hint" is no heading.
TEST(ReportTest, AsanDoubleFreeAndSegvReadTheirStacks) {
  const std::vector<Report> twice = read_reports(
      "==5==ERROR: AddressSanitizer: attempting double-free on 0x602000000010 in thread T0:\n"
      "    #0 0x55 in operator delete(void*) (/a.out+0x1)\n"
      "    #1 0x56 in main bugs/21_example.cpp:9:3\n"
      "0x602000000010 is located 0 bytes inside of 4-byte region [0x602000000010,0x6020000014)\n"
      "freed by thread T0 here:\n"
      "    #0 0x55 in operator delete(void*) (/a.out+0x1)\n"
      "    #1 0x57 in main bugs/21_example.cpp:8:3\n"
      "previously allocated by thread T0 here:\n"
      "    #0 0x58 in operator new(unsigned long) (/a.out+0x2)\n"
      "    #1 0x59 in main bugs/21_example.cpp:7:12\n"
      "SUMMARY: AddressSanitizer: double-free (/a.out+0x1) in operator delete(void*)\n",
      1);
  ASSERT_EQ(twice.size(), 1u);
  EXPECT_EQ(twice[0].kind, Kind::kDoubleFree);
  EXPECT_EQ(roles(twice[0]), "access, freed, allocated");
  EXPECT_EQ(twice[0].stacks[0].thread, "T0");
  EXPECT_EQ(first_where(twice), "bugs/21_example.cpp:9");

  const std::vector<Report> segv = read_reports(
      "AddressSanitizer:DEADLYSIGNAL\n"
      "==31==ERROR: AddressSanitizer: SEGV on unknown address 0x000000000000 (pc 0x55 bp 0x7f "
      "sp 0x7f T0)\n"
      "==31==The signal is caused by a READ memory access.\n"
      "==31==Hint: address points to the zero page.\n"
      "    #0 0x5581 in status::respond() bugs/06_missing_factory.cpp:27:10\n"
      "\n"
      "AddressSanitizer can not provide additional info.\n"
      "SUMMARY: AddressSanitizer: SEGV bugs/06_missing_factory.cpp:27:10 in status::respond()\n"
      "==31==ABORTING\n",
      1);
  ASSERT_EQ(segv.size(), 1u);
  EXPECT_EQ(segv[0].kind, Kind::kSegv);
  EXPECT_EQ(segv[0].stacks[0].heading, "");
  EXPECT_EQ(first_where(segv), "bugs/06_missing_factory.cpp:27");
}

// UBSan without a stack: the location its line begins with stands in for one.
TEST(ReportTest, UbsanLineIsItsOwnLocation) {
  const std::string line =
      "bugs/06_missing_factory.cpp:27:10: runtime error: member call on null pointer of type "
      "'std::string'";
  const std::vector<Report> reports = read_reports(line + "\n", 1);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].kind, Kind::kUndefinedBehaviour);
  EXPECT_EQ(reports[0].headline, line);
  EXPECT_EQ(reports[0].summary, line);
  ASSERT_NE(first_program_frame(reports), nullptr);
  EXPECT_EQ(bughunt::where(*first_program_frame(reports), true),
            "bugs/06_missing_factory.cpp:27:10");
}

// A report cut short (no SUMMARY line) ends where another kind of report begins.
TEST(ReportTest, CutShortReportEndsAtTheNext) {
  const std::vector<Report> reports = read_reports(
      "bugs/21_example.cpp:4:7: runtime error: load of null pointer\n"
      "    #0 0x55 in f() bugs/21_example.cpp:4:7\n"
      "harness/cases/21_example_test.cpp:9: Failure\n"
      "the greeting is empty\n",
      1);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].kind, Kind::kUndefinedBehaviour);
  EXPECT_EQ(reports[0].summary, reports[0].headline);
  EXPECT_EQ(reports[1].headline,
            "harness/cases/21_example_test.cpp:9: Failure the greeting is empty");
}

// gtest: one line with its message, placed where it failed; "[  FAILED  ]" only as a fallback.
TEST(ReportTest, GtestFailureJoinsItsMessage) {
  const std::vector<Report> reports = read_reports(
      "[ RUN      ] GreetTest.Each\n"
      "harness/cases/01_forgotten_reset_test.cpp:21: Failure\n"
      "Expected equality of these values:\n"
      "  second\n"
      "    Which is: \"hello alicehello bob\"\n"
      "the greeting for bob carries alice's\n"
      "[  FAILED  ] GreetTest.Each (0 ms)\n",
      1);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].source, Source::kGoogleTest);
  EXPECT_EQ(reports[0].headline,
            "harness/cases/01_forgotten_reset_test.cpp:21: Failure Expected equality of these "
            "values: second Which is: \"hello alicehello bob\" the greeting for bob carries "
            "alice's");
  EXPECT_EQ(reports[0].message,
            "Expected equality of these values: second Which is: \"hello alicehello bob\" the "
            "greeting for bob carries alice's");
  EXPECT_EQ(bughunt::where(reports[0].stacks.at(0).frames.at(0)),
            "harness/cases/01_forgotten_reset_test.cpp:21");
  EXPECT_EQ(reports[0].stacks[0].frames[0].place, Place::kHarness);

  const std::vector<Report> verdict = read_reports("[  FAILED  ] T.t (0 ms)\n", 1);
  ASSERT_EQ(verdict.size(), 1u);
  EXPECT_EQ(verdict[0].headline, "[  FAILED  ] T.t (0 ms)");
}

// An escaped exception reads as one line with its what(), the matrix's wording.
TEST(ReportTest, UncaughtExceptionJoinsWhat) {
  const std::vector<Report> reports = read_reports(
      "terminate called after throwing an instance of 'std::bad_any_cast'\n"
      "  what():  bad any_cast\n",
      134);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].kind, Kind::kAssertion);
  EXPECT_EQ(reports[0].source, Source::kRuntime);
  EXPECT_EQ(reports[0].headline,
            "terminate called after throwing an instance of 'std::bad_any_cast' what(): bad "
            "any_cast");
  EXPECT_EQ(reports[0].message, "bad any_cast");
  EXPECT_EQ(reports[1].headline, "killed by SIGABRT");
  EXPECT_EQ(read_reports("terminate called without an active exception\n", 134)[0].headline,
            "terminate called without an active exception");
}

// glibc's assert(): its line as printed, the expression as message, the place as its frame.
TEST(ReportTest, FailedAssertReadsExpressionAndPlace) {
  const std::string line =
      "case21_bug_plain: bugs/21_example.cpp:12: int count(int): Assertion `n == 1' failed.";
  const std::vector<Report> reports = read_reports(line + "\n", 134);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].kind, Kind::kAssertion);
  EXPECT_EQ(reports[0].source, Source::kRuntime);
  EXPECT_EQ(reports[0].headline, line);
  EXPECT_EQ(reports[0].message, "n == 1");
  const Frame& f = reports[0].stacks.at(0).frames.at(0);
  EXPECT_EQ(f.function, "int count(int)");
  EXPECT_EQ(bughunt::where(f), "bugs/21_example.cpp:12");
  EXPECT_EQ(f.place, Place::kProgram);
  EXPECT_EQ(reports[1].kind, Kind::kSignal);
}

// A death is the last report: named after the signal, or the C library's or Valgrind's line.
TEST(ReportTest, DeathIsTheLastReport) {
  const std::vector<Report> silent = read_reports("[ RUN      ] T.t\n", 139);
  ASSERT_EQ(silent.size(), 1u);
  EXPECT_EQ(silent[0].kind, Kind::kSignal);
  EXPECT_EQ(silent[0].source, Source::kRuntime);
  EXPECT_EQ(silent[0].headline, "killed by SIGSEGV");
  EXPECT_EQ(silent[0].signal, 11);
  EXPECT_EQ(read_reports("", 134).at(0).headline, "killed by SIGABRT");
  EXPECT_TRUE(read_reports("[ RUN      ] T.t\n", 1).empty());
  EXPECT_TRUE(read_reports("", 0).empty());
  EXPECT_EQ(read_reports("double free or corruption (out)\n", 134).at(0).headline,
            "double free or corruption (out)");

  const std::vector<Report> after_checks = reports_of("16_put_in_factory.plain.txt");
  ASSERT_EQ(after_checks.size(), 4u);
  EXPECT_EQ(after_checks[3].headline, "killed by SIGSEGV");

  const std::vector<Report> valgrind = reports_of("06_missing_factory.memcheck.txt");
  ASSERT_EQ(valgrind.size(), 2u);
  const Report& death = valgrind[1];
  EXPECT_EQ(death.kind, Kind::kSignal);
  EXPECT_EQ(death.source, Source::kRuntime);
  EXPECT_EQ(death.headline, "Process terminating with default action of signal 11 (SIGSEGV)");
  EXPECT_EQ(death.signal, 11);
  EXPECT_EQ(first_where({death}), "06_missing_factory.cpp:27");
}

// Valgrind's count decides: 0 errors, no reports; errors without a known headline, one.
TEST(ReportTest, ValgrindCountDecides) {
  using bughunt::valgrind_error_count;
  EXPECT_EQ(valgrind_error_count(fixture("06_missing_factory.memcheck.txt")), 1);
  EXPECT_EQ(valgrind_error_count(fixture("08_view_after_put.memcheck.txt")), 5);
  EXPECT_EQ(valgrind_error_count(fixture("02_use_after_put.helgrind.txt")), 28);
  EXPECT_EQ(valgrind_error_count(fixture("02_use_after_put.drd.txt")), 43);
  EXPECT_EQ(valgrind_error_count(fixture("02_use_after_put.tsan.txt")), -1);
  EXPECT_EQ(valgrind_error_count("==1== ERROR SUMMARY: 1 error from 1 context\n"), 1);

  const std::vector<Report> unknown =
      read_reports("==3== Something new\n==3== ERROR SUMMARY: 3 errors from 1 contexts\n", 99);
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].kind, Kind::kValgrindError);
  EXPECT_EQ(unknown[0].headline, "ERROR SUMMARY: 3 errors");
  EXPECT_TRUE(
      read_reports("==4== Invalid read of size 8\n==4== ERROR SUMMARY: 0 errors from 0 contexts\n",
                   0)
          .empty());
}

// Valgrind stacks by role: memcheck's blocks, helgrind's previous access, DRD's segments.
TEST(ReportTest, ValgrindStacksByRole) {
  const Report memcheck = reports_of("08_view_after_put.memcheck.txt").front();
  EXPECT_EQ(stable(memcheck.stacks[1].heading),
            "Address 0x_ is 0 bytes inside a block of size 31 free'd");
  EXPECT_EQ(memcheck.stacks[2].heading, "Block was alloc'd at");
  EXPECT_EQ(memcheck.stacks[0].frames[0].function, "memmove");

  const Report helgrind = reports_of("02_use_after_put.helgrind.txt").front();
  EXPECT_EQ(helgrind.stacks[0].thread, "#3");
  EXPECT_EQ(helgrind.stacks[1].thread, "#2");
  EXPECT_EQ(helgrind.stacks[1].heading,
            "This conflicts with a previous write of size 1 by thread #2");

  const std::vector<Report> drd = reports_of("02_use_after_put.drd.txt");
  EXPECT_EQ(roles(drd.at(1)), "access, allocated, other, other");
  EXPECT_EQ(drd[1].stacks[2].heading, "Other segment start (thread 2)");
  EXPECT_EQ(drd[1].stacks[2].thread, "2");
}

// The names consumers print (--json, SARIF) for each enum.
TEST(ReportTest, NamesAreTheReportsWords) {
  EXPECT_EQ(bughunt::name(Kind::kHeapUseAfterFree), "heap-use-after-free");
  EXPECT_EQ(bughunt::name(Kind::kSignal), "signal");
  EXPECT_EQ(bughunt::name(Role::kPreviousAccess), "previous access");
  EXPECT_EQ(bughunt::name(Role::kOther), "other");
  EXPECT_EQ(bughunt::name(Place::kPool), "pool");
  EXPECT_EQ(bughunt::name(Source::kValgrind), "valgrind");
}

}  // namespace
