// harness/cases/20_greeting_buffers_test.cpp — three users are greeted in turn.
#include "harness/cases/20_greeting_buffers.h"

#include <gtest/gtest.h>

#include <string>

// Each user is greeted by name, from the first greeting on.
TEST(GreeterTest, GreetsEachUserByName) {
  for (const std::string name : {"alice", "bob", "carol"}) {
    EXPECT_EQ(greeter::greet(name), "hello, " + name + "!");
  }
}
