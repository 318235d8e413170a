// harness/cases/01_greeter.h — case 01: a greeter that renders one
// greeting line per user.
#pragma once

#include <string>
#include <string_view>

namespace greeter {

// Returns the greeting for `name`: "hello <name>".
std::string greet(std::string_view name);

}  // namespace greeter
