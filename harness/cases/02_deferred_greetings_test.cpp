// harness/cases/02_deferred_greetings_test.cpp — the scenario of case 02: alice's
// greeting is rendered, bob's is rendered on another thread, and only then is
// alice's printed. Turnstiles fix that order on every run; they order the
// threads in time without synchronising them, so they hide no race.
#include "harness/cases/02_deferred_greetings.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "harness/support/schedule.h"

namespace {

// A greeting printed some time after it was rendered must still be its sender's own.
TEST(GreetingsTest, GreetingPrintedLaterStillNamesItsUser) {
  harness::Turnstile alice_rendered;
  harness::Turnstile bob_rendered;
  std::string alice_line;
  std::string bob_line;

  std::thread alice([&] {
    std::string* greeting = greetings::render("alice");
    alice_rendered.open();
    bob_rendered.wait();  // alice is busy for a while; bob renders meanwhile
    alice_line = greetings::print(greeting);
  });
  std::thread bob([&] {
    alice_rendered.wait();
    std::string* greeting = greetings::render("bob");
    bob_rendered.open();
    bob_line = greetings::print(greeting);
  });
  alice.join();
  bob.join();

  EXPECT_EQ(alice_line, "hello alice") << "alice was greeted with '" << alice_line << "'";
  EXPECT_EQ(bob_line, "hello bob") << "bob was greeted with '" << bob_line << "'";
}

}  // namespace
