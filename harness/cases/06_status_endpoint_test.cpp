// harness/cases/06_status_endpoint_test.cpp — requests to a freshly started
// status endpoint.
#include "harness/cases/06_status_endpoint.h"

#include <gtest/gtest.h>

#include <string>

namespace {

// The very first request after start-up is answered like any other.
TEST(StatusEndpointTest, AnswersTheFirstRequest) {
  EXPECT_EQ(status::respond("/healthz"), "200 OK /healthz");
}

// Later requests reuse the buffers and still get their own reply.
TEST(StatusEndpointTest, AnswersEveryRequestWithItsOwnPath) {
  for (int i = 0; i < 100; ++i) {
    const std::string path = "/items/" + std::to_string(i);
    EXPECT_EQ(status::respond(path), "200 OK " + path);
  }
}

}  // namespace
