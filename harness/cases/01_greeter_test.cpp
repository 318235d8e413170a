// harness/cases/01_greeter_test.cpp — the scenario of case 01: users
// are greeted one after another, and each must read their own greeting.
#include "harness/cases/01_greeter.h"

#include <gtest/gtest.h>

#include <string>

namespace {

// Three users are greeted in turn; every greeting must name its user and nobody else.
TEST(GreeterTest, EachUserReadsOnlyTheirOwnGreeting) {
  for (std::string name : {"alice", "bob", "carol"}) {
    const std::string greeting = greeter::greet(name);
    EXPECT_EQ(greeting, "hello " + name)
        << "the greeting for " << name << " reads '" << greeting << "'";
  }
}

}  // namespace
