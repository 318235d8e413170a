// Tests of the report's words: stack titles by role, the closing sentence by
// kind, the reporter.
#include "harness/bughunt/report_words.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "harness/bughunt/testing/report_fixtures.h"

namespace {

using bughunt::Report;
using bughunt::testing::reports_of;

std::vector<std::string> titles(const Report& r) {
  std::vector<std::string> out;
  for (const bughunt::Stack& s : r.stacks) out.push_back(bughunt::title(r, s));
  return out;
}

// A TSan race: each stack titled by its role, thread and access, in the report's order.
TEST(ReportWordsTest, RaceStacksAreTitledByRole) {
  const Report r = reports_of("02_deferred_greetings.tsan.txt").front();
  EXPECT_EQ(titles(r), (std::vector<std::string>{
                           "thread T2 wrote 8 bytes here",
                           "thread T1 had read 8 bytes here, with no synchronisation between "
                           "the two",
                           "the memory was allocated here, by thread T1",
                           "thread T2 was created here, by the main thread",
                           "thread T1 was created here, by the main thread"}));
  EXPECT_EQ(
      bughunt::conclusion(r),
      "A data race: thread T2's write at bugs/02_deferred_greetings.cpp:22 and thread T1's read "
      "at bugs/02_deferred_greetings.cpp:33 touch the same memory, and neither happens-before "
      "the other.");
  EXPECT_EQ(bughunt::reporter(r), "ThreadSanitizer");
}

// ASan and LSan: freed, allocated, leaked; each sentence names the program's lines.
TEST(ReportWordsTest, AsanAndLeakSentencesNameTheLines) {
  const Report uaf = reports_of("08_audit_trail.asan.txt").front();
  EXPECT_EQ(titles(uaf), (std::vector<std::string>{"thread T0 read 21 bytes here",
                                                   "the memory was freed here, by thread T0",
                                                   "the memory was allocated here, by thread T0"}));
  EXPECT_EQ(bughunt::conclusion(uaf),
            "A heap use after free: memory freed at bugs/08_audit_trail.cpp:24 was used again "
            "at bugs/08_audit_trail.cpp:33.");
  const Report leak = reports_of("11_ledger_encoder.asan.txt").front();
  EXPECT_EQ(titles(leak),
            (std::vector<std::string>{"leaked: 96 bytes allocated here, never freed",
                                      "leaked with it: 93 bytes allocated here, never freed"}));
  EXPECT_EQ(bughunt::conclusion(leak),
            "A memory leak: 189 byte(s) leaked in 6 allocation(s); the first was allocated at "
            "bugs/11_ledger_encoder.cpp:21 and never freed.");
  EXPECT_EQ(bughunt::reporter(leak), "LeakSanitizer");
  const Report twice = reports_of("04_ledger_export.asan.txt").front();
  EXPECT_EQ(titles(twice).front(), "thread T0 freed the memory a second time here");
}

// A bad free: the free by its thread, the global variable by its short name, and
// the sentence with both lines, the free's and the variable's definition's.
TEST(ReportWordsTest, BadFreeNamesTheFreeAndTheGlobalVariable) {
  const Report r = reports_of("17_word_counter.asan.txt").front();
  EXPECT_EQ(titles(r), (std::vector<std::string>{
                           "thread T0 freed memory here that no allocation returned",
                           "the memory is global variable 'wordcount::spare_tables', defined "
                           "here"}));
  EXPECT_EQ(bughunt::conclusion(r),
            "A bad free: the program freed at bugs/17_word_counter.cpp:35 an address that no "
            "allocation returned: it lies in global variable 'wordcount::spare_tables', defined at "
            "bugs/17_word_counter.cpp:23.");
  EXPECT_EQ(bughunt::reporter(r), "AddressSanitizer");
}

// GCC's TSan words its report as clang's does, and reads the same.
TEST(ReportWordsTest, GccRaceReadsAsClangs) {
  const Report r = reports_of("02_deferred_greetings.gcc-tsan.txt").front();
  EXPECT_EQ(bughunt::title(r, r.stacks[0]), "thread T2 wrote 8 bytes here");
  EXPECT_TRUE(bughunt::conclusion(r).ends_with("neither happens-before the other."));
}

// Kinds without stacks of their own: UBSan's message, a check's expectation, a death.
TEST(ReportWordsTest, OtherKindsSayWhatTheyAre) {
  const Report ub = reports_of("06_status_endpoint.asan.txt").front();
  EXPECT_EQ(bughunt::conclusion(ub),
            "Undefined behaviour at bugs/06_status_endpoint.cpp:27: member call on null pointer of "
            "type 'std::basic_string<char>'.");
  const Report check = reports_of("07_netstring_framer.plain.txt").front();
  EXPECT_EQ(bughunt::conclusion(check),
            "The check at harness/cases/07_netstring_framer_test.cpp:31 failed: it expected "
            "\"5:hello,\" and got \"lo,\".");
  const Report death = reports_of("04_ledger_export.plain.txt").back();
  EXPECT_EQ(bughunt::reporter(death), "the system");
}

}  // namespace
