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
// Each report's headline is its first line as the detection matrix quotes it:
// a sanitizer's opener ("ERROR: AddressSanitizer: ...", "...: runtime
// error: ...") or Valgrind's error line without the "==123==" prefix,
// gtest's "file:line: Failure" with its message on the same line,
// "terminate called after throwing an instance of 'X' what(): msg", glibc's
// "...: Assertion `x' failed.", or for a death "killed by SIGSEGV" (or the C
// library's or Valgrind's own line on it: "free(): double free detected in
// tcache 2").
//
// Example:
//
//   const std::vector<Report> reports = read_reports(outcome.output, outcome.exit_code);
//   if (const Frame* f = first_program_frame(reports)) {
//     fmt::print("{}:{}\n", f->file, f->line);   // bugs/02_deferred_greetings.cpp:29
//   }
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bughunt {

// Who printed the report. kRuntime: the C++ runtime (an escaped exception),
// the C library (a failed assert()), or nobody (every kSignal report).
enum class Source { kSanitizer, kValgrind, kGoogleTest, kRuntime };

std::string_view name(Source s);  // "sanitizer", "valgrind", "gtest", "runtime"

// What went wrong, in the report's own terms.
enum class Kind {
  kDataRace,            // TSan "data race"
  kLockedMutexDestroy,  // TSan "destroy of a locked mutex"
  kThreadLeak,          // TSan "thread leak"
  kSignalUnsafeCall,    // TSan "signal-unsafe call inside of a signal"
  kHeapUseAfterFree,    // ASan
  kDoubleFree,          // ASan "attempting double-free"
  kBadFree,             // ASan "attempting free on address which was not malloc()-ed"
  kStackOverflow,       // ASan or TSan
  kSegv,                // a sanitizer's "SEGV on unknown address"
  kLeak,                // LSan "detected memory leaks"
  kUndefinedBehaviour,  // UBSan "runtime error:"
  kOtherSanitizer,      // any other sanitizer report (heap-buffer-overflow, ...)
  kValgrindError,       // a Valgrind error (Invalid read, Possible data race, ...)
  kAssertion,           // a gtest failure, an uncaught exception, a failed assert()
  kSignal,              // a death by signal (or a libc abort): always the last report
};

// "data race", "heap-use-after-free", ...: the words the report itself uses.
std::string_view name(Kind k);

// What a stack in a report stands for.
enum class Role {
  kAccess,          // the access the report is about (or where UBSan, a SEGV, an overflow or
                    // a failed check hit)
  kPreviousAccess,  // TSan, helgrind: the earlier, conflicting access
  kAllocated,       // where the memory was allocated
  kFreed,           // where it was freed (for a bad free: the free the report is about)
  kThreadCreated,   // where a thread named in the report was created
  kLeaked,          // LSan, memcheck: the allocation that was never freed
  kMutex,           // TSan: where a mutex named in the report was created
  kDefined,         // ASan: where the global variable the memory lies in is defined, one frame
                    // read from the line "0x... is located N bytes inside of global variable
                    // 'name' defined in 'file:line:column' ..."; the line is its heading
  kOther,           // any other stack (TSan's "and:", DRD's "Other segment start")
};

std::string_view name(Role r);

// Where a frame's code lives: bugs/, fixes/ or ReadOptions::program_files;
// harness/; pool/; anything else, /usr/ and frames without a file included.
enum class Place { kProgram, kHarness, kPool, kLibrary };

std::string_view name(Place p);  // "program", "harness", "pool", "library"

struct Frame {
  std::string function;  // as printed, e.g. "greetings::print(std::__cxx11::basic_string<...>*)"
  std::string file;      // relative to the repository when under it, else as printed; may be
                         // empty. Valgrind prints a bare name: "02_deferred_greetings.cpp"
  int line = 0;          // 0 when unknown
  int column = 0;        // 0 when unknown
  Place place = Place::kLibrary;
};

struct Stack {
  Role role = Role::kOther;
  // The line that opens it, e.g. "Previous write of size 8 at ... by thread T1:";
  // empty when none does (a SEGV's stack, UBSan's).
  std::string heading;
  std::string thread;  // "T1", "main thread", "#3"; empty when the report names none
  std::vector<Frame> frames;
};

struct Report {
  Source source = Source::kSanitizer;
  Kind kind = Kind::kSignal;
  std::string headline;  // the first line, pid prefix dropped: "ERROR: AddressSanitizer: ..."
  std::string summary;   // the SUMMARY line when there is one; else the headline
  std::string message;   // assertions: gtest's message on one line, what(), assert()'s expression
  std::string expected;  // gtest: what the check expected ("hello alice", true), when it says
  std::string actual;    // gtest: what it got instead ("hello bob", false)
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
// signal N). A run that died (by a signal, or with the C library's or
// Valgrind's line on its death) ends with one kSignal report, after any other:
// a consumer that finds no report of the detector it ran and no failed check
// takes that one. Valgrind's reports follow its ERROR SUMMARY: none when it
// counts 0 errors, one headed "ERROR SUMMARY: N errors" when it counts some
// but prints no headline known here. gtest's "[  FAILED  ] T.t" is a report
// only when no other failed check is. Colour codes must already be removed.
std::vector<Report> read_reports(std::string_view output, int exit_status,
                                 const ReadOptions& options = {});

// True when `output` holds a sanitizer report of any kind: a line naming one
// of the runtimes or UBSan's "runtime error:" (the one pattern every check
// uses; a program that prints "ThreadSanitizer" itself is taken at its word).
bool has_sanitizer_report(std::string_view output);

// That pattern as a regular expression, for checks outside C++ (CMake's
// regex, grep -E): "(Address|Thread|...)Sanitizer|runtime error:".
std::string_view sanitizer_report_pattern();

// True when `line` opens a fatal sanitizer report ("ERROR: AddressSanitizer: ..."):
// the runtime is about to exit, and a run that does not is stuck.
bool opens_fatal_sanitizer_report(std::string_view line);

// Valgrind's error count, from its last "ERROR SUMMARY: N errors"; -1 when
// there is none (a run that died before it, or one not under Valgrind).
int valgrind_error_count(std::string_view output);

// The first frame in the program among the reports' stacks, in report order
// and stack order (for a TSan race: the current access first); null when none is.
const Frame* first_program_frame(const std::vector<Report>& reports);

// "bugs/02_deferred_greetings.cpp:29" (":29:22" with a column), for a frame; its
// function when it has no file.
std::string where(const Frame& f, bool with_column = false);

// One stack line read into a Frame: a sanitizer's "#3 0x55 in f() file:33:10"
// or "#3 f() file:33:10 (bin+0x1)", Valgrind's "at 0x4849013: f() (file.cpp:12)"
// (with or without its "==123==" prefix); nullopt for any other line.
std::optional<Frame> read_frame(std::string_view line, const ReadOptions& options = {});

// Where `file` (as Frame::file holds it) lives.
Place place_of(std::string_view file, const ReadOptions& options = {});

}  // namespace bughunt
