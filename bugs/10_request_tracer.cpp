// 10_request_tracer.cpp — a request tracer. Each finished request becomes a
// pooled span, and a background thread sends it once the collector has room.
#include "harness/cases/10_request_tracer.h"

#include <fmt/core.h>

#include <iterator>
#include <memory>
#include <mutex>
#include <string>

#include "pool/pool.h"

namespace tracing {
namespace {

// What the collector learns of one request. A busy server finishes thousands
// of requests a second; pooled spans keep their strings' capacity.
struct Span {
  std::string trace_id;
  std::string name;
  int status = 0;
};

pool::Pool<Span> spans([] { return std::make_unique<Span>(); });

}  // namespace

Tracer::Tracer(Collector& collector) : collector_(collector) {}

void Tracer::finish(const Request& request) {
  auto span = spans.borrow();
  span->trace_id = request.trace_id;
  span->name.clear();
  fmt::format_to(std::back_inserter(span->name), "{} {}", request.method, request.route);
  span->status = request.status;
  std::lock_guard lock(mu_);
  senders_.emplace_back([this, span = span.get()] {
    collector_.wait_for_room();
    collector_.send(
        fmt::format("trace={} name={} status={}", span->trace_id, span->name, span->status));
  });
}

}  // namespace tracing
