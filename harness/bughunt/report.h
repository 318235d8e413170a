// harness/bughunt/report.h — what a run printed, read once into a structure.
//
// A case binary's output holds at most a few reports: a ThreadSanitizer
// warning, an AddressSanitizer error, a LeakSanitizer leak list, a UBSan
// runtime error, a GoogleTest failure, a Valgrind error, or nothing but a
// death by signal. read_reports() turns the output into Reports, in the order
// they appear; every consumer (the verdict, the first-frame line, the matrix's
// classifier, ctest's expectation check) reads this one model, so a report is
// recognised the same way everywhere.
//
// Example:
//
//   const std::vector<Report> reports = read_reports(outcome.output, outcome.exit_code);
//   if (const Frame* f = first_program_frame(reports)) {
//     fmt::print("{}:{}\n", f->file, f->line);   // bugs/02_use_after_put.cpp:29
//   }
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bughunt {

// Who printed the report.
enum class Source { kSanitizer, kValgrind, kGoogleTest, kRuntime };

// What went wrong, in the report's own terms.
enum class Kind {
  kDataRace,            // TSan "data race"
  kLockedMutexDestroy,  // TSan "destroy of a locked mutex"
  kThreadLeak,          // TSan "thread leak"
  kSignalUnsafeCall,    // TSan "signal-unsafe call inside of a signal"
  kHeapUseAfterFree,    // ASan
  kDoubleFree,          // ASan "attempting double-free"
  kStackOverflow,       // ASan or TSan
  kSegv,                // a sanitizer's "SEGV on unknown address"
  kLeak,                // LSan "detected memory leaks"
  kUndefinedBehaviour,  // UBSan "runtime error:"
  kOtherSanitizer,      // any other sanitizer report (heap-buffer-overflow, ...)
  kValgrindError,       // a Valgrind error (Invalid read, Possible data race, ...)
  kAssertion,           // a gtest failure, an uncaught exception, a failed assert()
  kSignal,              // a death by signal (or a libc abort) with no report
};

// "data race", "heap-use-after-free", ...: the words the report itself uses.
std::string_view name(Kind k);

// What a stack in a report stands for.
enum class Role {
  kAccess,          // the access the report is about (or where UBSan, a SEGV or an overflow hit)
  kPreviousAccess,  // TSan: the earlier, conflicting access
  kAllocated,       // where the memory was allocated
  kFreed,           // where it was freed
  kThreadCreated,   // where a thread named in the report was created
  kLeaked,          // LSan: the allocation that was never freed
  kMutex,           // TSan: where a mutex named in the report was created
  kOther,           // any other stack (for example a Valgrind "Address ... is on thread's stack")
};

std::string_view name(Role r);

// Where a frame's code lives.
enum class Place { kProgram, kHarness, kPool, kLibrary };

struct Frame {
  std::string function;  // as printed, e.g. "greetings::print(std::__cxx11::basic_string<...>*)"
  std::string file;      // relative to the repository when under it, else as printed; may be empty
  int line = 0;          // 0 when unknown
  int column = 0;        // 0 when unknown
  Place place = Place::kLibrary;
};

struct Stack {
  Role role = Role::kOther;
  std::string
      heading;  // the line that opens it, e.g. "Previous write of size 8 at ... by thread T1:"
  std::string thread;  // "T1", "main thread", "#3"; empty when the report names none
  std::vector<Frame> frames;
};

struct Report {
  Source source = Source::kSanitizer;
  Kind kind = Kind::kSignal;
  std::string headline;  // the first line, pid prefix dropped: "ERROR: AddressSanitizer: ..."
  std::string summary;   // the SUMMARY line when there is one; else the headline
  std::string message;   // assertions: the failure's message, on one line
  int signal = 0;        // kSignal: the signal number, when known
  std::vector<Stack> stacks;
};

// How frames are placed: which files are "the program". Paths are compared
// after the repository prefix is dropped.
struct ReadOptions {
  std::string source_dir;                  // the repository root, dropped from absolute paths
  std::vector<std::string> program_files;  // besides bugs/ and fixes/: e.g. a trainee's file
};

// Every report in `output`, in order. `exit_status` is the run's (128+N for
// signal N): a run that died by a signal with no report gives one kSignal
// report. Colour codes must already be removed.
std::vector<Report> read_reports(std::string_view output, int exit_status,
                                 const ReadOptions& options = {});

// True when `output` holds a sanitizer report of any kind (the one pattern
// every check uses).
bool has_sanitizer_report(std::string_view output);

// True when `line` opens a fatal sanitizer report ("ERROR: AddressSanitizer: ..."):
// the runtime is about to exit, and a run that does not is stuck.
bool opens_fatal_sanitizer_report(std::string_view line);

// The first frame in the program among the reports' stacks, in report order;
// null when none is.
const Frame* first_program_frame(const std::vector<Report>& reports);

// "bugs/02_use_after_put.cpp:29" (":29:22" with a column), for a frame.
std::string where(const Frame& f, bool with_column = false);

}  // namespace bughunt
