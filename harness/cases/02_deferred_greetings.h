// harness/cases/02_deferred_greetings.h — case 02: greetings rendered when they
// are due and printed once the user's connection is ready for them.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace greetings {

// Renders "hello <name>" at once, calls `wait_until_ready` (which returns when
// the user's connection can take a line), then prints the greeting on a line of
// its own and returns that line.
std::string greet(std::string_view name, const std::function<void()>& wait_until_ready);

}  // namespace greetings
