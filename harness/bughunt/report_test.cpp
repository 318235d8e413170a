// Tests of the report model on real captured reports (testdata/, made by
// scripts/capture-reports): every fixture reads as captured, in printed order,
// with a death last. Each reader has its own test file beside its unit.
#include "harness/bughunt/report.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "harness/bughunt/testing/report_fixtures.h"
#include "harness/bughunt/text.h"

namespace {

using bughunt::first_program_frame;
using bughunt::Kind;
using bughunt::read_reports;
using bughunt::Report;
using bughunt::Source;
using bughunt::testing::exit_status;
using bughunt::testing::first_where;
using bughunt::testing::fixture;
using bughunt::testing::reports_of;
using bughunt::testing::roles;
using bughunt::testing::stable;

struct Fixture {
  const char* file;
  Source source;                    // of the first report
  Kind kind;                        // of the first report
  const char* headline;             // the first report's, through stable()
  const char* roles;                // the first report's stacks, in order
  const char* first_program_frame;  // "" when none
};

const Fixture kFixtures[] = {
    {"01_greeter.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     R"(harness/cases/01_greeter_test.cpp:15: Failure Expected equality of these values: greeting Which is: "hello alicehello bob" "hello " + name Which is: "hello bob" the greeting for bob reads 'hello alicehello bob')",
     "access", ""},
    {"02_deferred_greetings.tsan.txt", Source::kSanitizer, Kind::kDataRace,
     "WARNING: ThreadSanitizer: data race (pid=N)",
     "access, previous access, allocated, thread created, thread created",
     "bugs/02_deferred_greetings.cpp:22"},
    {"03_csv_writer.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     R"(unknown file: Failure C++ exception with description "bad any_cast" thrown in the test body.)",
     "", ""},
    {"04_ledger_export.asan.txt", Source::kSanitizer, Kind::kDoubleFree,
     "ERROR: AddressSanitizer: attempting double-free on 0x_ in thread T0:",
     "access, freed, allocated", "bugs/04_ledger_export.cpp:27"},
    {"05_telemetry_parser.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     "harness/cases/05_telemetry_parser_test.cpp:38: Failure Value of: watch.expired() Actual: "
     "false Expected: true the payload of request 1 (483 KiB) is still alive after parse "
     "returned and its caller dropped it (1 owner left)",
     "access", ""},
    {"06_status_endpoint.asan.txt", Source::kSanitizer, Kind::kUndefinedBehaviour,
     "bugs/06_status_endpoint.cpp:27:10: runtime error: member call on null pointer of type "
     "'std::basic_string<char>'",
     "access", "bugs/06_status_endpoint.cpp:27"},
    {"07_netstring_framer.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     R"(harness/cases/07_netstring_framer_test.cpp:31: Failure Expected equality of these values: received Which is: "lo," wanted Which is: "5:hello," the peer received 'lo,' for 'hello')",
     "access", ""},
    {"08_audit_trail.asan.txt", Source::kSanitizer, Kind::kHeapUseAfterFree,
     "ERROR: AddressSanitizer: heap-use-after-free on address 0x_ at pc 0x_ bp 0x_ sp 0x_",
     "access, freed, allocated", "bugs/08_audit_trail.cpp:33"},
    {"09_upload_endpoint.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     "harness/cases/09_upload_endpoint_test.cpp:80: Failure Expected: (held) <= "
     "(kIdleHeapBudget), actual: 16830880 vs 2097152 after 8 uploads of 2 MiB the idle server "
     "still holds 16.1 MiB of heap (budget 2 MiB)",
     "access", ""},
    {"10_request_tracer.tsan.txt", Source::kSanitizer, Kind::kDataRace,
     "WARNING: ThreadSanitizer: data race (pid=N)",
     "access, previous access, allocated, thread created", "bugs/10_request_tracer.cpp:41"},
    {"11_ledger_encoder.asan.txt", Source::kSanitizer, Kind::kLeak,
     "ERROR: LeakSanitizer: detected memory leaks", "leaked, leaked",
     "bugs/11_ledger_encoder.cpp:21"},
    {"12_index_rebuilds.tsan.txt", Source::kSanitizer, Kind::kDataRace,
     "WARNING: ThreadSanitizer: data race (pid=N)",
     "access, previous access, mutex, mutex, thread created", "bugs/12_index_rebuilds.cpp:28"},
    {"13_service_log.asan.txt", Source::kSanitizer, Kind::kStackOverflow,
     "ERROR: AddressSanitizer: stack-overflow on address 0x_ (pc 0x_ bp 0x_ sp 0x_ T0)", "access",
     "bugs/13_service_log.cpp:35"},
    {"14_telemetry_exporter.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     "harness/cases/14_telemetry_exporter_test.cpp:53: Failure Expected: (held) <= "
     "(kIdleHeapBudget), actual: 67135840 vs 17825792 after a burst of 4 concurrent batches the "
     "quiet exporter still holds 64.0 MiB of heap (budget 17 MiB)",
     "access", ""},
    {"15_account_reports.tsan.txt", Source::kSanitizer, Kind::kDataRace,
     "WARNING: ThreadSanitizer: data race (pid=N)",
     "access, previous access, allocated, thread created", "bugs/15_account_reports.cpp:22"},
    {"16_markdown_pages.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     R"(harness/cases/16_markdown_pages_test.cpp:33: Failure Expected equality of these values: html )"
     R"(Which is: "<nav><a href=\"#install\">Install</a></nav><nav><a href=\"#install\">Install</a></nav>" )"
     R"(page.html Which is: "<nav><a href=\"#install\">Install</a></nav><h1 id=\"install\">Install</h1>)"
     R"(<p>Download the archive and unpack it.</p>" the page 'install' reads '<nav><a )"
     R"(href="#install">Install</a></nav><nav><a href="#install">Install</a></nav>')",
     "access", ""},
    {"17_word_counter.asan.txt", Source::kSanitizer, Kind::kBadFree,
     "ERROR: AddressSanitizer: attempting free on address which was not malloc()-ed: 0x_ in "
     "thread T0",
     "freed, defined", "bugs/17_word_counter.cpp:35"},
    {"18_record_sealer.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     "harness/cases/18_record_sealer_test.cpp:37: Failure Expected equality of these values: "
     "built Which is: 10 1u Which is: 1 sealing 50 records in 10 bursts built the CRC-32 table 10 "
     "times",
     "access", ""},
    {"19_feed_reader.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     R"(harness/cases/19_feed_reader_test.cpp:54: Failure Expected equality of these values: greeting_body Which is: "bye, bob" "hello, alice" the body of 'greeting' reads 'bye, bob')",
     "access", ""},
    {"20_thumbnail_cache.plain.txt", Source::kGoogleTest, Kind::kAssertion,
     R"(unknown file: Failure C++ exception with description "zlib: stream error" thrown in the test body.)",
     "", ""},
    // Other flavours and compilers of the same cases.
    {"04_ledger_export.plain.txt", Source::kRuntime, Kind::kSignal,
     "free(): double free detected in tcache 2", "", ""},
    {"06_status_endpoint.plain.txt", Source::kRuntime, Kind::kSignal, "killed by SIGSEGV", "", ""},
    {"06_status_endpoint.tsan.txt", Source::kSanitizer, Kind::kSegv,
     "ERROR: ThreadSanitizer: SEGV on unknown address 0x_ (pc 0x_ bp 0x_ sp 0x_ T_)", "access",
     "bugs/06_status_endpoint.cpp:27"},
    {"13_service_log.tsan.txt", Source::kSanitizer, Kind::kStackOverflow,
     "ERROR: ThreadSanitizer: stack-overflow on address 0x_ (pc 0x_ bp 0x_ sp 0x_ T_)", "access",
     "bugs/13_service_log.cpp:35"},
    {"02_deferred_greetings.gcc-tsan.txt", Source::kSanitizer, Kind::kDataRace,
     "WARNING: ThreadSanitizer: data race (pid=N)",
     "access, previous access, allocated, thread created, thread created",
     "bugs/02_deferred_greetings.cpp:22"},
    {"08_audit_trail.gcc-asan.txt", Source::kSanitizer, Kind::kHeapUseAfterFree,
     "ERROR: AddressSanitizer: heap-use-after-free on address 0x_ at pc 0x_ bp 0x_ sp 0x_",
     "access, freed, allocated", "bugs/08_audit_trail.cpp:33"},
    // Valgrind names files without their folder.
    {"06_status_endpoint.memcheck.txt", Source::kValgrind, Kind::kValgrindError,
     "Invalid write of size 8", "access", "06_status_endpoint.cpp:27"},
    {"08_audit_trail.memcheck.txt", Source::kValgrind, Kind::kValgrindError,
     "Invalid read of size 8", "access, freed, allocated", "08_audit_trail.cpp:33"},
    {"11_ledger_encoder.memcheck.txt", Source::kValgrind, Kind::kValgrindError,
     "189 (96 direct, 93 indirect) bytes in 3 blocks are definitely lost in loss record 7 of 7",
     "leaked", "11_ledger_encoder.cpp:21"},
    {"02_deferred_greetings.helgrind.txt", Source::kValgrind, Kind::kValgrindError,
     "Possible data race during read of size 1 at 0x_ by thread #3", "access, previous access",
     "02_deferred_greetings.cpp:21"},
    {"02_deferred_greetings.drd.txt", Source::kValgrind, Kind::kValgrindError,
     "Conflicting load by thread 3 at 0x_ size 8", "access, other, other",
     "02_deferred_greetings.cpp:21"},
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
  std::set<std::string> rows;
  for (const Fixture& f : kFixtures) {
    rows.insert(f.file);
    EXPECT_GE(exit_status(f.file), 0) << f.file << " has no exit status";
  }
  EXPECT_EQ(bughunt::testing::fixture_files(), rows);
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
  const std::vector<Report> reports = reports_of("15_account_reports.tsan.txt");
  ASSERT_EQ(reports.size(), 6u);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(reports[i].kind, Kind::kDataRace) << i;
  EXPECT_EQ(reports[5].kind, Kind::kAssertion);
  EXPECT_EQ(reports[3].stacks[0].thread, "main thread");
  EXPECT_EQ(reports[3].stacks[1].thread, "T1");
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

  const std::vector<Report> after_checks = reports_of("16_markdown_pages.plain.txt");
  ASSERT_EQ(after_checks.size(), 4u);
  EXPECT_EQ(after_checks[3].headline, "killed by SIGSEGV");

  const std::vector<Report> valgrind = reports_of("06_status_endpoint.memcheck.txt");
  ASSERT_EQ(valgrind.size(), 2u);
  const Report& death = valgrind[1];
  EXPECT_EQ(death.kind, Kind::kSignal);
  EXPECT_EQ(death.source, Source::kRuntime);
  EXPECT_EQ(death.headline, "Process terminating with default action of signal 11 (SIGSEGV)");
  EXPECT_EQ(death.signal, 11);
  EXPECT_EQ(first_where({death}), "06_status_endpoint.cpp:27");
}

}  // namespace
