// harness/cases/07_netstring_framer.h — case 07: frames messages as netstrings
// and sends them over a connection that takes a few bytes at a time.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace netstring {

// A connection's write: takes as many of `bytes` as it has room for, maybe
// none, and returns how many it took.
using Connection = std::function<std::size_t(std::string_view bytes)>;

// Frames `message` as a netstring (its length in decimal, a colon, the bytes,
// a comma: "5:hello,") and queues the frame for sending.
void queue(std::string_view message);

// Sends the queued frames, oldest first. Returns true once all have gone out,
// false when the connection took nothing more: call again when it has room.
bool flush(const Connection& connection);

}  // namespace netstring
