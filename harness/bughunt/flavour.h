// harness/bughunt/flavour.h — the builds a binary comes in, and the detectors
// a case may declare.
//
// A Flavour is a build (cmake/Flavours.cmake holds the same four, with their
// flags); a Detector is what a case's manifest entry says catches its bug,
// and each detector has the one flavour whose build shows it.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace bughunt {

enum class Flavour { kPlain, kAsan, kTsan, kUbsan };

// Every flavour, in cmake/Flavours.cmake's order.
inline constexpr Flavour kAllFlavours[] = {Flavour::kPlain, Flavour::kAsan, Flavour::kTsan,
                                           Flavour::kUbsan};
// The flavours every fix is tested in (ubsan is built for the matrix only).
inline constexpr Flavour kTestedFlavours[] = {Flavour::kPlain, Flavour::kAsan, Flavour::kTsan};

// "plain", "asan", "tsan", "ubsan".
std::string_view name(Flavour f);
std::optional<Flavour> parse_flavour(std::string_view text);

enum class Detector { kAssert, kAsan, kTsan };

inline constexpr Detector kAllDetectors[] = {Detector::kAssert, Detector::kAsan, Detector::kTsan};

// "assert", "asan", "tsan": the manifest's spelling.
std::string_view name(Detector d);
std::optional<Detector> parse_detector(std::string_view text);

// The flavour whose build shows the detector's diagnostic.
Flavour flavour_of(Detector d);

}  // namespace bughunt
