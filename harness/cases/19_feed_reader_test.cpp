// harness/cases/19_feed_reader_test.cpp — a feed reader parses first, reads bodies later.
#include "harness/cases/19_feed_reader.h"

#include <gtest/gtest.h>

#include <string>

// Two entries are parsed, then their bodies are read: each body is its own.
TEST(FeedTest, EachEntryKeepsItsBody) {
  const std::string first = "greeting 12\nhello, alice";
  const std::string second = "farewell 8\nbye, bob";
  const feed::Entry greeting = feed::parse(first);
  const feed::Entry farewell = feed::parse(second);
  ASSERT_EQ(greeting.title, "greeting");
  ASSERT_EQ(farewell.title, "farewell");

  const std::string greeting_body = feed::read_all(*greeting.body);
  const std::string farewell_body = feed::read_all(*farewell.body);
  EXPECT_EQ(greeting_body, "hello, alice")
      << "the body of 'greeting' reads '" << greeting_body << "'";
  EXPECT_EQ(farewell_body, "bye, bob") << "the body of 'farewell' reads '" << farewell_body << "'";
}
