// harness/cases/07_netstring_framer.h — frames messages as netstrings for the wire.
#pragma once

#include <string>
#include <string_view>

namespace netstring {

// `message` framed as a netstring: its length in decimal, a colon, the bytes,
// a comma. frame("hello") is "5:hello,".
std::string frame(std::string_view message);

}  // namespace netstring
