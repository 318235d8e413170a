// harness/bughunt/naming.h — the one place a case's files and binaries are named.
//
// Case NN with slug S has two programs, bugs/NN_S.cpp and fixes/NN_S.cpp,
// each built as the target caseNN_{bug,fix}_<flavour> (cmake/Cases.cmake
// makes the same names from the manifest).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "harness/bughunt/flavour.h"
#include "harness/bughunt/manifest.h"

namespace bughunt {

// The two programs of a case.
enum class Variant { kBug, kFix };

// "bug" or "fix".
std::string_view name(Variant v);

// "case02_bug_tsan": the binary's target name, and its file name in the build tree.
std::string target_name(const Case& c, Variant v, Flavour f);

// "bugs/02_deferred_greetings.cpp": the program's source, relative to the repository.
std::filesystem::path source_path(const Case& c, Variant v);

// "harness/cases/02_deferred_greetings_test.cpp": the scenario both programs are linked with.
std::filesystem::path scenario_path(const Case& c);

// Practice mode (practice/grade.h): "case02.cpp", the trainee's copy of a case
// (a name that says nothing of the mistake), and "case02_mine_tsan", the
// target that builds it with the scenario.
std::string practice_file_name(const Case& c);
std::string practice_target(const Case& c, Flavour f);

}  // namespace bughunt
