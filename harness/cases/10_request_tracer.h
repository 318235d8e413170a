// harness/cases/10_request_tracer.h — a request tracer: a server reports each
// finished request as a span, which a background thread sends to the collector.
#pragma once

#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tracing {

// A request as the server finished it.
struct Request {
  std::string trace_id;
  std::string method;
  std::string route;
  int status = 0;
};

// The trace collector, across the network. Any thread may call it.
class Collector {
 public:
  virtual ~Collector() = default;
  // Blocks until the collector has room for one more span: a busy collector
  // keeps its callers waiting.
  virtual void wait_for_room() = 0;
  // Sends one span, encoded as a line of text.
  virtual void send(std::string span) = 0;
};

// Reports finished requests without making the server wait for the collector:
// each span is sent by a background thread. Destroying the tracer waits for
// those threads; `collector` must outlive it.
class Tracer {
 public:
  explicit Tracer(Collector& collector);

  // Returns at once; in the background, sends the span
  // "trace=<trace_id> name=<method> <route> status=<status>".
  void finish(const Request& request);

 private:
  Collector& collector_;
  std::mutex mu_;
  std::vector<std::jthread> senders_;  // guarded by mu_; joined on destruction
};

}  // namespace tracing
