// harness/bughunt/report_words.h — a report told in plain words: what each
// stack stands for, the one sentence that names the bug. The short report (report_short.h) and the
// SARIF log (sarif.h) say the same things in the same words.
//
// Example:
//
//   title(report, report.stacks[1])  // "thread T2 had written 8 bytes here, with no
//                                    //  synchronisation between the two"
//   conclusion(report)               // "A data race: thread T1's read at ... neither
//                                    //  happens-before the other."
#pragma once

#include <string>
#include <string_view>

#include "harness/bughunt/report.h"

namespace bughunt {

// What stack `s` of report `r` stands for, as a title: "thread T1 read 8 bytes
// here", "the memory was freed here, by thread T0", "leaked: 32 bytes
// allocated here, never freed", "the memory is global variable 'ns::table',
// defined here".
std::string title(const Report& r, const Stack& s);

// One sentence that names the kind of bug in the report's own terms, with
// the program's lines it is about.
std::string conclusion(const Report& r);

// Who printed it: "ThreadSanitizer", "AddressSanitizer", "Valgrind",
// "GoogleTest", "the C++ runtime".
std::string reporter(const Report& r);

// The frame a person looks at first in stack `s`: its first in the program,
// else its first with a file; null when it has no frame with a file.
const Frame* key_frame(const Stack& s);

}  // namespace bughunt
