// harness/cases/10_audited_greeter_test.cpp — two users greeted back to back
// while the directory is slow to answer.
#include "harness/cases/10_audited_greeter.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/support/schedule.h"

namespace {

// A directory that answers a user's lookup only once the test lets it.
class GatedDirectory : public greeter::Directory {
 public:
  std::string region_of(std::string_view user) override {
    if (user == "alice") {
      alice_answered_.wait();
      return "eu";
    }
    bob_answered_.wait();
    return "us";
  }
  void answer_alice() { alice_answered_.open(); }
  void answer_bob() { bob_answered_.open(); }

 private:
  harness::Turnstile alice_answered_;
  harness::Turnstile bob_answered_;
};

// An audit trail that keeps its lines and lets the test wait for them.
class RecordingAudit : public greeter::AuditLog {
 public:
  void record(std::string line) override {
    std::lock_guard lock(mu_);
    lines_.push_back(std::move(line));
    grew_.notify_all();
  }
  std::vector<std::string> wait_for(std::size_t count) {
    std::unique_lock lock(mu_);
    grew_.wait(lock, [&] { return lines_.size() >= count; });
    return lines_;
  }

 private:
  std::mutex mu_;
  std::condition_variable grew_;
  std::vector<std::string> lines_;
};

// Alice and bob are greeted before the directory answers: each audit line must
// carry that user's own greeting.
TEST(GreeterTest, AuditLineCarriesTheUsersOwnGreeting) {
  GatedDirectory directory;
  RecordingAudit audit;
  greeter::Greeter greeter(directory, audit);

  EXPECT_EQ(greeter.greet("alice"), "hello alice");
  EXPECT_EQ(greeter.greet("bob"), "hello bob");
  directory.answer_alice();
  const std::string alice_line = audit.wait_for(1).at(0);
  directory.answer_bob();
  const std::string bob_line = audit.wait_for(2).at(1);

  EXPECT_EQ(alice_line, "eu hello alice")
      << "the audit line for alice reads '" << alice_line << "'";
  EXPECT_EQ(bob_line, "us hello bob") << "the audit line for bob reads '" << bob_line << "'";
}

}  // namespace
