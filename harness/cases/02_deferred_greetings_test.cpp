// harness/cases/02_deferred_greetings_test.cpp — the scenario of case 02: alice
// is greeted, and bob's greeting is rendered on another thread as soon as
// alice's has been printed. Turnstiles fix that order on every run; they order
// the threads in time without synchronising them, so they hide no race.
#include "harness/cases/02_deferred_greetings.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "harness/support/schedule.h"

namespace {

// Two users greeted one right after the other, on two threads, each get their own greeting.
TEST(GreetingsTest, EachUserIsGreetedByName) {
  harness::Turnstile alice_greeted;
  harness::Turnstile bob_greeted;
  std::string alice_line;
  std::string bob_line;

  std::thread alice([&] {
    alice_line = greetings::greet("alice", [] {});  // her connection is ready at once
    alice_greeted.open();
    bob_greeted.wait();  // alice stays connected while bob is greeted
  });
  std::thread bob([&] {
    alice_greeted.wait();
    bob_line = greetings::greet("bob", [] {});
    bob_greeted.open();
  });
  alice.join();
  bob.join();

  EXPECT_EQ(alice_line, "hello alice") << "alice was greeted with '" << alice_line << "'";
  EXPECT_EQ(bob_line, "hello bob") << "bob was greeted with '" << bob_line << "'";
}

}  // namespace
