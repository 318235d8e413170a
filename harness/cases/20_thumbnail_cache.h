// harness/cases/20_greeting_buffers.h — greeting users from pooled buffers.
#pragma once

#include <string>
#include <string_view>

namespace greeter {

// The greeting for `name`: greet("bob") == "hello, bob!".
std::string greet(std::string_view name);

}  // namespace greeter
