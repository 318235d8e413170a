// harness/cases/07_netstring_framer_test.cpp — the scenario of case 07: messages
// sent one after another to a slow peer, which reads four bytes at a time.
#include "harness/cases/07_netstring_framer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace {

// Each message must reach the peer as its whole netstring, however many writes it takes.
TEST(NetstringTest, EveryFrameArrivesWhole) {
  std::string received;
  std::size_t room = 0;  // what the connection can take until the peer reads again
  const netstring::Connection connection = [&](std::string_view bytes) {
    const std::size_t taken = std::min(bytes.size(), room);
    received.append(bytes.substr(0, taken));
    room -= taken;
    return taken;
  };
  for (const std::string message : {"hi", "hello", "good morning"}) {
    received.clear();
    netstring::queue(message);
    do {
      room = 4;  // the peer has read: room for four more bytes
    } while (!netstring::flush(connection));
    const std::string wanted = std::to_string(message.size()) + ":" + message + ",";
    EXPECT_EQ(received, wanted) << "the peer received '" << received << "' for '" << message << "'";
  }
}

}  // namespace
