#include "harness/bughunt/flavour.h"

namespace bughunt {

std::string_view name(Flavour f) {
  switch (f) {
    case Flavour::kPlain:
      return "plain";
    case Flavour::kAsan:
      return "asan";
    case Flavour::kTsan:
      return "tsan";
    case Flavour::kUbsan:
      return "ubsan";
  }
  return "?";
}

std::optional<Flavour> parse_flavour(std::string_view text) {
  for (Flavour f : kAllFlavours) {
    if (name(f) == text) return f;
  }
  return std::nullopt;
}

std::string_view name(Detector d) {
  switch (d) {
    case Detector::kAssert:
      return "assert";
    case Detector::kAsan:
      return "asan";
    case Detector::kTsan:
      return "tsan";
  }
  return "?";
}

std::optional<Detector> parse_detector(std::string_view text) {
  for (Detector d : kAllDetectors) {
    if (name(d) == text) return d;
  }
  return std::nullopt;
}

Flavour flavour_of(Detector d) {
  switch (d) {
    case Detector::kAsan:
      return Flavour::kAsan;
    case Detector::kTsan:
      return Flavour::kTsan;
    case Detector::kAssert:
      break;
  }
  return Flavour::kPlain;
}

}  // namespace bughunt
