// Tests of the sanitizers' reports: captured TSan and ASan reports in detail,
// canned texts for the kinds no case prints, the one pattern every check uses.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "harness/bughunt/report.h"
#include "harness/bughunt/testing/report_fixtures.h"
#include "harness/bughunt/text.h"

namespace {

using bughunt::first_program_frame;
using bughunt::Frame;
using bughunt::Kind;
using bughunt::Place;
using bughunt::read_reports;
using bughunt::Report;
using bughunt::testing::first_where;
using bughunt::testing::fixture;
using bughunt::testing::reports_of;
using bughunt::testing::roles;
using bughunt::testing::stable;

// A TSan race in detail: stack headings and threads, each frame's parts, the SUMMARY.
TEST(ReportSanitizerTest, TsanRaceReadsStacksAndFrames) {
  const Report r = reports_of("02_deferred_greetings.tsan.txt").front();
  ASSERT_EQ(r.stacks.size(), 5u);
  EXPECT_EQ(stable(r.stacks[0].heading), "Write of size 8 at 0x_ by thread T2:");
  EXPECT_EQ(r.stacks[0].thread, "T2");
  EXPECT_EQ(r.stacks[1].thread, "T1");
  EXPECT_EQ(r.stacks[3].thread, "T2");
  const Frame& render = r.stacks[0].frames[3];
  EXPECT_EQ(render.function,
            "greetings::(anonymous namespace)::render[abi:cxx11](std::basic_string_view<char, "
            "std::char_traits<char> >)");
  EXPECT_EQ(render.file, "bugs/02_deferred_greetings.cpp");
  EXPECT_EQ(render.line, 22);
  EXPECT_EQ(render.column, 9);
  EXPECT_EQ(render.place, Place::kProgram);
  EXPECT_EQ(r.stacks[0].frames[5].place, Place::kHarness);
  EXPECT_EQ(r.stacks[0].frames[0].place, Place::kLibrary);
  EXPECT_EQ(r.stacks[0].frames.back().function, "<null>");
  EXPECT_EQ(r.stacks[0].frames.back().file, "");
  EXPECT_EQ(r.stacks[2].frames[7].place, Place::kPool);
  EXPECT_TRUE(r.summary.starts_with("SUMMARY: ThreadSanitizer: data race ")) << r.summary;
}

// ASan: the access's thread, the SUMMARY; a frame naming only its module has no file.
TEST(ReportSanitizerTest, AsanReportReadsSummaryAndModuleFrames) {
  const Report r = reports_of("08_audit_trail.asan.txt").front();
  EXPECT_EQ(r.stacks[0].thread, "T0");
  EXPECT_EQ(stable(r.stacks[0].heading), "READ of size 21 at 0x_ thread T0");
  EXPECT_EQ(r.stacks[1].heading, "freed by thread T0 here:");
  EXPECT_EQ(r.stacks[0].frames[0].function, "__asan_memmove");
  EXPECT_EQ(r.stacks[0].frames[0].file, "");
  EXPECT_TRUE(r.summary.starts_with("SUMMARY: AddressSanitizer: heap-use-after-free")) << r.summary;
  const Report leak = reports_of("11_ledger_encoder.asan.txt").front();
  EXPECT_EQ(leak.summary, "SUMMARY: AddressSanitizer: 189 byte(s) leaked in 6 allocation(s).");
}

// The sanitizer check is one pattern: the scan agrees with its regex form line by line.
TEST(ReportSanitizerTest, SanitizerCheckAgreesWithItsPattern) {
  EXPECT_EQ(bughunt::sanitizer_report_pattern(),
            "(Address|Thread|Leak|UndefinedBehavior|Memory)Sanitizer|runtime error:");
  const std::regex pattern{std::string(bughunt::sanitizer_report_pattern())};
  std::vector<std::string> texts = {
      "ThreadSanitizer:DEADLYSIGNAL", "Sanitizer", "Thread Sanitizer",
      "x.cpp:1:2: runtime error: y",  "",          "UndefinedBehaviorSanitizer"};
  for (const std::string& file : bughunt::testing::fixture_files()) texts.push_back(fixture(file));
  for (const std::string& text : texts) {
    for (std::string_view line : bughunt::lines_of(text)) {
      EXPECT_EQ(bughunt::has_sanitizer_report(line),
                std::regex_search(line.begin(), line.end(), pattern))
          << line;
    }
  }
  EXPECT_TRUE(bughunt::has_sanitizer_report(fixture("02_deferred_greetings.tsan.txt")));
  EXPECT_FALSE(bughunt::has_sanitizer_report(fixture("01_greeter.plain.txt")));
  EXPECT_FALSE(bughunt::has_sanitizer_report(fixture("08_audit_trail.memcheck.txt")));
}

// Only an ERROR opener is fatal (the runtime exits); TSan warnings and UBSan lines are not.
TEST(ReportSanitizerTest, FatalOpenersAreErrorsOnly) {
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
TEST(ReportSanitizerTest, ThreadLeakReadsItsCreation) {
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
TEST(ReportSanitizerTest, LockedMutexDestroyReadsThreeStacks) {
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
TEST(ReportSanitizerTest, SignalUnsafeCallReadsTheHandler) {
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
TEST(ReportSanitizerTest, AsanDoubleFreeAndSegvReadTheirStacks) {
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
      "    #0 0x5581 in status::respond() bugs/06_status_endpoint.cpp:27:10\n"
      "\n"
      "AddressSanitizer can not provide additional info.\n"
      "SUMMARY: AddressSanitizer: SEGV bugs/06_status_endpoint.cpp:27:10 in status::respond()\n"
      "==31==ABORTING\n",
      1);
  ASSERT_EQ(segv.size(), 1u);
  EXPECT_EQ(segv[0].kind, Kind::kSegv);
  EXPECT_EQ(segv[0].stacks[0].heading, "");
  EXPECT_EQ(first_where(segv), "bugs/06_status_endpoint.cpp:27");
}

// ASan's bad free (case 17): the free is the first stack, named as one, and the line on
// the global variable the address lies in is a stack of its own, one frame at its definition.
TEST(ReportSanitizerTest, BadFreeReadsTheFreeAndTheGlobalsDefinition) {
  const std::vector<Report> reports = reports_of("17_word_counter.asan.txt");
  ASSERT_EQ(reports.size(), 1u);
  const Report& r = reports.front();
  EXPECT_EQ(r.kind, Kind::kBadFree);
  EXPECT_TRUE(r.summary.starts_with("SUMMARY: AddressSanitizer: bad-free ")) << r.summary;
  EXPECT_EQ(roles(r), "freed, defined");
  EXPECT_EQ(r.stacks[0].thread, "T0");
  const bughunt::Stack& defined = r.stacks[1];
  EXPECT_EQ(stable(defined.heading),
            "0x_ is located 0 bytes inside of global variable 'wordcount::(anonymous "
            "namespace)::spare_tables' defined in 'bugs/17_word_counter.cpp:23:33' (0x_) of size "
            "224");
  EXPECT_EQ(defined.thread, "");
  ASSERT_EQ(defined.frames.size(), 1u);
  EXPECT_EQ(bughunt::where(defined.frames[0], true), "bugs/17_word_counter.cpp:23:33");
  EXPECT_EQ(defined.frames[0].function, "");
  EXPECT_EQ(defined.frames[0].place, Place::kProgram);
  // The stacks keep the order ASan prints them in: the free comes first.
  EXPECT_EQ(first_where(reports), "bugs/17_word_counter.cpp:35");
}

// A global variable defined outside the program is a library frame; one whose line names no
// file makes no stack, nor does a heap region's line ("inside of 4-byte region").
TEST(ReportSanitizerTest, GlobalVariableLineMakesAStackOnlyWithAFile) {
  const std::string head =
      "==5==ERROR: AddressSanitizer: attempting free on address which was not malloc()-ed: "
      "0x55d0 in thread T0\n"
      "    #0 0x55 in operator delete(void*) (/a.out+0x1)\n"
      "    #1 0x56 in main bugs/21_example.cpp:9:3\n";
  const std::string summary =
      "SUMMARY: AddressSanitizer: bad-free (/a.out+0x1) in operator delete(void*)\n";
  const auto with_location = [&](const std::string& line) {
    return read_reports(head + line + "\n" + summary, 1);
  };
  const std::vector<Report> library = with_location(
      "0x55d0 is located 8 bytes inside of global variable 'table' defined in "
      "'/usr/include/x.h:4:12' (0x55c8) of size 16");
  ASSERT_EQ(library.size(), 1u);
  EXPECT_EQ(roles(library[0]), "freed, defined");
  EXPECT_EQ(bughunt::where(library[0].stacks[1].frames.at(0), true), "/usr/include/x.h:4:12");
  EXPECT_EQ(library[0].stacks[1].frames[0].place, Place::kLibrary);
  const std::vector<Report> unnamed = with_location(
      "0x55d0 is located 8 bytes inside of global variable 'table' defined in "
      "'a.out' (0x55c8) of size 16");
  ASSERT_EQ(unnamed.size(), 1u);
  EXPECT_EQ(roles(unnamed[0]), "freed");
  EXPECT_EQ(first_where(unnamed), "bugs/21_example.cpp:9");
}

// UBSan without a stack: the location its line begins with stands in for one.
TEST(ReportSanitizerTest, UbsanLineIsItsOwnLocation) {
  const std::string line =
      "bugs/06_status_endpoint.cpp:27:10: runtime error: member call on null pointer of type "
      "'std::string'";
  const std::vector<Report> reports = read_reports(line + "\n", 1);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].kind, Kind::kUndefinedBehaviour);
  EXPECT_EQ(reports[0].headline, line);
  EXPECT_EQ(reports[0].summary, line);
  ASSERT_NE(first_program_frame(reports), nullptr);
  EXPECT_EQ(bughunt::where(*first_program_frame(reports), true),
            "bugs/06_status_endpoint.cpp:27:10");
}

// A report cut short (no SUMMARY line) ends where another kind of report begins.
TEST(ReportSanitizerTest, CutShortReportEndsAtTheNext) {
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

}  // namespace
