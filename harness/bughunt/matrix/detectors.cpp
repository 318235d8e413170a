// The detectors of the matrix, in column order.
#include <initializer_list>

#include "harness/bughunt/matrix/matrix.h"

namespace bughunt {

namespace {

// valgrind --error-exitcode=99 --tool=... : its errors fail the run.
std::vector<std::string> valgrind(std::initializer_list<std::string> options) {
  std::vector<std::string> argv = {"valgrind", "--error-exitcode=99"};
  argv.insert(argv.end(), options);
  return argv;
}

const std::vector<MatrixDetector> kDetectors = {
    {.name = "assert",
     .what = "the scenario's assertions alone: clang, plain flavour (-O2 -g)",
     .format = ReportFormat::kAssertion,
     .tree = Tree::kClang,
     .flavour = Flavour::kPlain,
     .home = Detector::kAssert,
     .needs = {"clang"}},
    {.name = "asan",
     .what = "clang ASan + LSan + UBSan: the asan flavour (-O1)",
     .format = ReportFormat::kSanitizer,
     .tree = Tree::kClang,
     .flavour = Flavour::kAsan,
     .home = Detector::kAsan,
     .needs = {"clang"}},
    {.name = "ubsan",
     .what = "clang UBSan alone: the ubsan flavour (-O1)",
     .format = ReportFormat::kSanitizer,
     .tree = Tree::kClang,
     .flavour = Flavour::kUbsan,
     .needs = {"clang"}},
    {.name = "tsan",
     .what = "clang TSan: the tsan flavour (-O1)",
     .format = ReportFormat::kSanitizer,
     .tree = Tree::kClang,
     .flavour = Flavour::kTsan,
     .home = Detector::kTsan,
     .needs = {"clang"}},
    {.name = "gcc-asan",
     .what = "GCC ASan + LSan + UBSan: the asan flavour built by GCC (-O1)",
     .format = ReportFormat::kSanitizer,
     .tree = Tree::kGcc,
     .flavour = Flavour::kAsan,
     .needs = {"gcc"}},
    {.name = "gcc-tsan",
     .what = "GCC TSan: the tsan flavour built by GCC (-O1)",
     .format = ReportFormat::kSanitizer,
     .tree = Tree::kGcc,
     .flavour = Flavour::kTsan,
     .needs = {"gcc"}},
    {.name = "memcheck",
     .what = "Valgrind memcheck, --leak-check=full (definite leaks are errors), on GCC's plain "
             "build",
     .format = ReportFormat::kValgrind,
     .tree = Tree::kGcc,
     .flavour = Flavour::kPlain,
     .wrapper = valgrind({"--tool=memcheck", "--leak-check=full", "--show-leak-kinds=definite",
                          "--errors-for-leak-kinds=definite"}),
     .needs = {"gcc", "valgrind"}},
    {.name = "helgrind",
     .what = "Valgrind helgrind on GCC's plain build",
     .format = ReportFormat::kValgrind,
     .tree = Tree::kGcc,
     .flavour = Flavour::kPlain,
     .wrapper = valgrind({"--tool=helgrind"}),
     .needs = {"gcc", "valgrind"}},
    {.name = "drd",
     .what = "Valgrind DRD on GCC's plain build",
     .format = ReportFormat::kValgrind,
     .tree = Tree::kGcc,
     .flavour = Flavour::kPlain,
     .wrapper = valgrind({"--tool=drd"}),
     .needs = {"gcc", "valgrind"}},
    {.name = "tidy",
     .what = "clang-tidy with the repository's .clang-tidy checks on the source file",
     .format = ReportFormat::kClangTidy,
     .tree = Tree::kClang,
     .flavour = Flavour::kPlain,
     .needs = {"clang-tidy"}},
};

}  // namespace

const std::vector<MatrixDetector>& detectors() { return kDetectors; }

std::vector<std::string> detector_names() {
  std::vector<std::string> names;
  for (const MatrixDetector& d : detectors()) names.push_back(d.name);
  return names;
}

}  // namespace bughunt
