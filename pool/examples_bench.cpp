// pool_examples_bench — the worked examples, pooled against unpooled.
//
//   Pool/greeting            Greeter::greet: a pooled buffer, one copy out
//   Ostringstream/greeting   a fresh std::ostringstream per call
//   FmtFormat/greeting       fmt::format, no pool
//   Pool/deflate             DeflaterPool: a pooled gzip stream, deflateReset
//   Fresh/deflate            deflateInit2 and deflateEnd on every call
//   Pool/deflate_small       the same two with a 240-byte body, where the
//   Fresh/deflate_small      stream's set-up weighs more
//   Pool/json                JsonEncoderPool::to_json
//   Fresh/json               a fresh JsonEncoder (stream) per call
//
// One thread: these measure what a call costs, not contention (pool_bench
// does that). Run with scripts/bench; bench_table prints each row's ratio to
// the Pool row of the same workload.
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>
#include <string>

#include "pool/examples/deflate.h"
#include "pool/examples/greeting.h"
#include "pool/examples/json_encoder.h"

namespace {

constexpr const char* kName = "Ada Lovelace";

void PooledGreeting(benchmark::State& state) {
  pool::examples::Greeter greeter;
  for (auto _ : state) benchmark::DoNotOptimize(greeter.greet(kName));
  state.SetItemsProcessed(state.iterations());
}

void StreamGreeting(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(pool::examples::greet_stream(kName));
  state.SetItemsProcessed(state.iterations());
}

void FormatGreeting(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(pool::examples::greet_format(kName));
  state.SetItemsProcessed(state.iterations());
}

// "hello world " repeated: 1000 times (12 000 bytes) is the body of Go's
// gzip pool benchmark.
std::string body(int times) {
  std::string s;
  for (int i = 0; i < times; ++i) s += "hello world ";
  return s;
}

void PooledDeflate(benchmark::State& state) {
  pool::examples::DeflaterPool deflaters;
  const std::string in = body(static_cast<int>(state.range(0)));
  std::string out;
  for (auto _ : state) {
    deflaters.compress(in, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
}

void FreshDeflate(benchmark::State& state) {
  const std::string in = body(static_cast<int>(state.range(0)));
  std::string out;
  for (auto _ : state) {
    pool::examples::deflate_fresh(in, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
}

nlohmann::json document() {
  return {{"id", 42}, {"name", "Ada Lovelace"}, {"tags", {"pool", "json", "bench"}}, {"x", 1}};
}

void PooledJson(benchmark::State& state) {
  pool::examples::JsonEncoderPool encoders;
  const nlohmann::json doc = document();
  for (auto _ : state) benchmark::DoNotOptimize(encoders.to_json(doc));
  state.SetItemsProcessed(state.iterations());
}

void FreshJson(benchmark::State& state) {
  const nlohmann::json doc = document();
  for (auto _ : state) benchmark::DoNotOptimize(pool::examples::JsonEncoder().encode(doc));
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(PooledGreeting)->Name("Pool/greeting")->UseRealTime();
BENCHMARK(StreamGreeting)->Name("Ostringstream/greeting")->UseRealTime();
BENCHMARK(FormatGreeting)->Name("FmtFormat/greeting")->UseRealTime();
BENCHMARK(PooledDeflate)->Name("Pool/deflate")->Arg(1000)->UseRealTime();
BENCHMARK(FreshDeflate)->Name("Fresh/deflate")->Arg(1000)->UseRealTime();
BENCHMARK(PooledDeflate)->Name("Pool/deflate_small")->Arg(20)->UseRealTime();
BENCHMARK(FreshDeflate)->Name("Fresh/deflate_small")->Arg(20)->UseRealTime();
BENCHMARK(PooledJson)->Name("Pool/json")->UseRealTime();
BENCHMARK(FreshJson)->Name("Fresh/json")->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
