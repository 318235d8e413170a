// harness/cases/16_framed_greetings.h — greetings framed as netstrings.
//
// frame_greeting() renders "hello, <user>" and frames it as a netstring,
// "<length>:<payload>," where the length counts the payload's bytes, so that a
// receiver knows where one message ends and the next begins.
#pragma once

#include <string>
#include <string_view>

namespace netstring {

// The greeting for `user`, framed: frame_greeting("bob") == "10:hello, bob,".
std::string frame_greeting(std::string_view user);

}  // namespace netstring
