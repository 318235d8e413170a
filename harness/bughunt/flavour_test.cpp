// Tests of the flavours and detectors: the command line's list is the build's
// (cmake/Flavours.cmake), and every detector has the flavour that shows it.
#include "harness/bughunt/flavour.h"

#include <gtest/gtest.h>

#include <string>

namespace {

// The four flavours, in order, are the ones cmake/Flavours.cmake builds.
TEST(FlavourTest, ListMatchesTheBuild) {
  std::string names;
  for (bughunt::Flavour f : bughunt::kAllFlavours) {
    names += (names.empty() ? "" : " ") + std::string(bughunt::name(f));
  }
  EXPECT_EQ(names, BUGHUNT_FLAVOURS);
}

// A name parses back to its flavour or detector; anything else is refused.
TEST(FlavourTest, NamesParseBack) {
  for (bughunt::Flavour f : bughunt::kAllFlavours) {
    EXPECT_EQ(bughunt::parse_flavour(bughunt::name(f)), f);
  }
  for (bughunt::Detector d : bughunt::kAllDetectors) {
    EXPECT_EQ(bughunt::parse_detector(bughunt::name(d)), d);
  }
  EXPECT_FALSE(bughunt::parse_flavour("valgrind"));
  EXPECT_FALSE(bughunt::parse_detector("plain"));
}

// Each declared detector shows in its own build; the assertion needs no sanitizer.
TEST(FlavourTest, DetectorShowsInItsFlavour) {
  EXPECT_EQ(bughunt::flavour_of(bughunt::Detector::kAssert), bughunt::Flavour::kPlain);
  EXPECT_EQ(bughunt::flavour_of(bughunt::Detector::kAsan), bughunt::Flavour::kAsan);
  EXPECT_EQ(bughunt::flavour_of(bughunt::Detector::kTsan), bughunt::Flavour::kTsan);
}

}  // namespace
