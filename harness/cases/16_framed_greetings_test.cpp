// harness/cases/16_framed_greetings_test.cpp — a client frames greetings for three users.
#include "harness/cases/16_framed_greetings.h"

#include <gtest/gtest.h>

#include <string>

// Each frame carries its own greeting and counts its bytes, from the very first call on.
TEST(NetstringTest, EachFrameCarriesItsGreeting) {
  for (const std::string user : {"bob", "alice", "carol"}) {
    const std::string payload = "hello, " + user;
    const std::string want = std::to_string(payload.size()) + ":" + payload + ",";
    const std::string frame = netstring::frame_greeting(user);
    EXPECT_EQ(frame, want) << "the frame for " << user << " reads '" << frame << "'";
  }
}
