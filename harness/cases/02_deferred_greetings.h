// harness/cases/02_deferred_greetings.h — case 02: greetings rendered now and
// printed later, possibly by busy threads that render greetings of their own.
#pragma once

#include <string>
#include <string_view>

namespace greetings {

// Renders "hello <name>" into a text buffer that the caller prints later with print().
std::string* render(std::string_view name);

// Prints a greeting made by render() on a line of its own, and returns that line.
std::string print(std::string* greeting);

}  // namespace greetings
