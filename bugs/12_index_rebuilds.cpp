// 12_index_rebuilds.cpp — runs rebuilds of the search index one at a time. The
// caller of a rebuild try-locks a mutex; a caller that finds it locked skips
// its rebuild, since the one running will bring the index up to date.
#include "harness/cases/12_index_rebuilds.h"

#include <memory>
#include <mutex>

#include "pool/pool.h"

namespace reindex {
namespace {

struct Guard {
  std::mutex busy;
};

pool::Pool<Guard> guards([] { return std::make_unique<Guard>(); });

int started = 0;  // rebuilds started; read and written only with the mutex locked

}  // namespace

bool run_unless_busy(const std::function<void()>& rebuild) {
  auto guard = guards.borrow();
  std::unique_lock lock(guard->busy, std::try_to_lock);
  if (!lock.owns_lock()) return false;
  ++started;
  rebuild();
  return true;
}

int rebuilds_started() {
  auto guard = guards.borrow();
  std::lock_guard lock(guard->busy);
  return started;
}

}  // namespace reindex
