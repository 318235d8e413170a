// pool/examples/config.h — one shared configuration, loaded once: what a pool
// is not for (ConfigPoolMisuse), and the two tools to use instead (OnceConfig,
// ReloadableConfig).
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "pool/pool.h"

namespace pool::examples {

// A configuration. Every entry of `shards` equals `version`, so a reader can
// tell a whole configuration from a torn one.
struct Config {
  int version = 0;
  std::string endpoint;
  std::vector<int> shards;
};

// Stands for the expensive part, reading and parsing a file; counts its
// calls. Thread-safe.
class ConfigSource {
 public:
  std::unique_ptr<Config> load() {
    const int version = ++loads_;
    auto c = std::make_unique<Config>();
    c->version = version;
    c->endpoint = "https://config.example/v" + std::to_string(version);
    c->shards.assign(64, version);
    return c;
  }
  int loads() const { return loads_.load(); }

 private:
  std::atomic<int> loads_{0};
};

// The misuse: a pool as a cache of "the" configuration. A pool hands each
// caller an object of its own and may delete idle ones at any collection; a
// configuration is the opposite, one object that everyone reads. So each
// caller that holds one while another holds one causes a load, different
// callers get different copies, and idle copies vanish at the second
// collect(), to be loaded again.
//
// Example (of what not to do):
//
//   pool::examples::ConfigPoolMisuse configs(source);
//   auto config = configs.get();  // a load whenever another caller holds one
class ConfigPoolMisuse {
 public:
  explicit ConfigPoolMisuse(ConfigSource& source) : configs_([&source] { return source.load(); }) {}
  Lease<Config> get() { return configs_.borrow(); }

 private:
  Pool<Config> configs_;
};

// Loaded on first use, exactly once, however many threads ask at once, with
// std::call_once (a function-local static does the same). Every caller sees
// the same object, for the life of the OnceConfig.
//
// Example:
//
//   pool::examples::ConfigSource source;  // reads the file
//   pool::examples::OnceConfig config(source);
//   connect(config.get().endpoint);       // loaded on the first get
class OnceConfig {
 public:
  explicit OnceConfig(ConfigSource& source) : source_(source) {}
  const Config& get() {
    std::call_once(once_, [this] { config_ = source_.load(); });
    return *config_;
  }

 private:
  ConfigSource& source_;
  std::once_flag once_;
  std::unique_ptr<const Config> config_;  // written once, inside call_once
};

// Loaded at construction; reload() replaces it for readers that come later.
// The current configuration sits in a shared pointer that readers copy: a
// reader keeps the configuration it took alive for as long as it needs it.
//
// Example:
//
//   pool::examples::ReloadableConfig live(source);  // loaded now
//   std::shared_ptr<const Config> c = live.get();   // stays valid while held
//   live.reload();                                  // later readers see the new one
//
// Why a mutex and not C++20's std::atomic<std::shared_ptr>, the textbook tool
// for this: the libstdc++ 12 implementation that this project builds with
// releases its internal lock after load() with a relaxed store, which gives no
// happens-before edge to the next store(). That is a data race in the memory
// model's terms, and ThreadSanitizer reports it when reloads and reads overlap.
// That implementation takes a lock for every load anyway; the mutex here does
// the same, correctly. Where the standard library's atomic shared pointer is
// sound, get() and reload() become its load() and store() and nothing else
// changes.
class ReloadableConfig {
 public:
  explicit ReloadableConfig(ConfigSource& source) : source_(source), current_(source.load()) {}

  std::shared_ptr<const Config> get() const {
    std::lock_guard lock(mu_);
    return current_;  // a copy: the reader's reference, valid after a reload
  }

  void reload() {
    std::shared_ptr<const Config> next(source_.load());  // the slow part, unlocked
    std::lock_guard lock(mu_);
    current_.swap(next);
  }  // the lock goes first; the old configuration dies after it, or with its last reader

 private:
  ConfigSource& source_;
  mutable std::mutex mu_;
  std::shared_ptr<const Config> current_;  // guarded by mu_
};

}  // namespace pool::examples
