// The worked examples of pool/examples/: a JSON encoder pool, a deflate
// stream pool, and the configuration singleton that should not be a pool.
#include <gtest/gtest.h>

#include <latch>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "pool/examples/config.h"
#include "pool/examples/deflate.h"
#include "pool/examples/json_encoder.h"
#include "pool/testing/print_stats.h"

namespace {

using pool::examples::Config;
using pool::examples::ConfigSource;

// --- JSON encoder pool ---

// Encoding {"x":1} gives the object and a newline, as a stream encoder writes it.
TEST(JsonEncoderPoolTest, EncodesObjectWithTrailingNewline) {
  pool::examples::JsonEncoderPool encoders;
  EXPECT_EQ(encoders.to_json(nlohmann::json{{"x", 1}}), "{\"x\":1}\n");
}

// The bytes are copied out: a later, longer encoding with the same pooled
// encoder leaves an earlier result untouched.
TEST(JsonEncoderPoolTest, ResultIsCopiedOutNotAliased) {
  pool::examples::JsonEncoderPool encoders;
  const std::string first = encoders.to_json(nlohmann::json{{"x", 1}});
  nlohmann::json big;
  for (int i = 0; i < 200; ++i) big["key" + std::to_string(i)] = std::string(20, 'v');
  const std::string second = encoders.to_json(big);
  EXPECT_EQ(first, "{\"x\":1}\n");
  EXPECT_EQ(nlohmann::json::parse(second), big);
  EXPECT_EQ(encoders.stats(), (pool::Stats{.gets = 2, .puts = 2, .misses = 1, .drops = 0}))
      << "both encodings used the same pooled encoder";
}

// An encoding that throws leaves the encoder in the pool and usable.
TEST(JsonEncoderPoolTest, EncoderSurvivesAnEncodingError) {
  pool::examples::JsonEncoderPool encoders;
  EXPECT_ANY_THROW(encoders.to_json(nlohmann::json("\xff not UTF-8")));
  EXPECT_EQ(encoders.to_json(nlohmann::json{{"x", 1}}), "{\"x\":1}\n");
  EXPECT_EQ(encoders.stats().misses, 1u);
}

// --- Deflate stream pool ---

std::string sample(const std::string& word, int times) {
  std::string s;
  for (int i = 0; i < times; ++i) s += word;
  return s;
}

// Pooled compression inflates back to its input, also on a reused (reset) stream.
TEST(DeflatePoolTest, OutputInflatesBackToInput) {
  pool::examples::DeflaterPool deflaters;
  const std::string first = sample("hello world ", 1000);
  const std::string second = sample("a different body ", 500);
  std::string gz;
  deflaters.compress(first, gz);
  EXPECT_LT(gz.size(), first.size() / 10);
  EXPECT_EQ(pool::examples::gunzip(gz), first);
  deflaters.compress(second, gz);
  EXPECT_EQ(pool::examples::gunzip(gz), second);
  EXPECT_EQ(deflaters.stats(), (pool::Stats{.gets = 2, .puts = 2, .misses = 1, .drops = 0}))
      << "the second compression reused the first stream";
}

// A reset stream writes the very bytes a fresh one writes: reuse leaks no state.
TEST(DeflatePoolTest, ResetStreamMatchesFreshStream) {
  pool::examples::DeflaterPool deflaters;
  const std::string body = sample("pool me ", 2000);
  std::string warmup, pooled, fresh;
  deflaters.compress(sample("something else entirely ", 300), warmup);
  deflaters.compress(body, pooled);
  pool::examples::deflate_fresh(body, fresh);
  EXPECT_EQ(pooled, fresh);
}

// --- Singleton: one configuration, not a pool ---

// The misuse: a pool as the configuration cache loads once per concurrent
// holder (16 here), and again after two collections.
TEST(SingletonTest, PoolMisuseLoadsOncePerConcurrentHolder) {
  ConfigSource source;
  pool::examples::ConfigPoolMisuse configs(source);
  std::latch all_holding(16);
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t)
    threads.emplace_back([&] {
      auto config = configs.get();
      all_holding.arrive_and_wait();  // all 16 hold one at the same time
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(source.loads(), 16);
  pool::collect();
  pool::collect();
  auto config = configs.get();
  EXPECT_EQ(source.loads(), 17) << "idle copies were deleted; the next get loaded again";
}

// Done right: std::call_once loads exactly once for 16 threads asking at once,
// and every thread sees the same object.
TEST(SingletonTest, CallOnceLoadsExactlyOnceAcross16Threads) {
  ConfigSource source;
  pool::examples::OnceConfig config(source);
  std::latch start(16);
  std::vector<const Config*> seen(16);
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t)
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      seen[t] = &config.get();
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(source.loads(), 1);
  for (const Config* c : seen) {
    EXPECT_EQ(c, seen[0]);
    EXPECT_EQ(c->version, 1);
  }
}

// Hot reload: 16 readers always see a whole configuration, never an older one
// after a newer, while a writer reloads 50 times; each reload loads once.
TEST(SingletonTest, HotReloadReadersSeeWholeConfigs) {
  ConfigSource source;
  pool::examples::ReloadableConfig config(source);
  std::latch start(17);
  std::vector<int> torn(16, 0), backwards(16, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t)
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      int last = 0;
      for (int i = 0; i < 300; ++i) {
        std::shared_ptr<const Config> c = config.get();
        for (int shard : c->shards)
          if (shard != c->version) ++torn[t];
        if (c->version < last) ++backwards[t];
        last = c->version;
      }
    });
  threads.emplace_back([&] {
    start.arrive_and_wait();
    for (int i = 0; i < 50; ++i) config.reload();
  });
  for (auto& t : threads) t.join();
  for (int t = 0; t < 16; ++t) {
    EXPECT_EQ(torn[t], 0) << "reader " << t;
    EXPECT_EQ(backwards[t], 0) << "reader " << t;
  }
  EXPECT_EQ(source.loads(), 51);
  EXPECT_EQ(config.get()->version, 51);
}

}  // namespace
