// harness/cases/07_netstring_framer_test.cpp — messages from several users framed
// one after another.
#include "harness/cases/07_netstring_framer.h"

#include <gtest/gtest.h>

#include <string>

namespace {

// Users' messages framed back to back: each frame must hold its own message only.
TEST(NetstringTest, EachFrameHoldsOnlyItsOwnMessage) {
  for (const std::string user : {"alice", "bob", "carol"}) {
    const std::string framed = netstring::frame(user);
    const std::string wanted = std::to_string(user.size()) + ":" + user + ",";
    EXPECT_EQ(framed, wanted) << "the frame for " << user << " reads '" << framed << "'";
  }
}

}  // namespace
