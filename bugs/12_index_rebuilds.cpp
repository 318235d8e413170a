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
  Guard* guard = guards.get();
  if (!guard->busy.try_lock()) {
    guards.put(guard);
    return false;
  }
  ++started;
  rebuild();
  guard->busy.unlock();
  guards.put(guard);
  return true;
}

int rebuilds_started() {
  Guard* guard = guards.get();
  guard->busy.lock();
  const int count = started;
  guard->busy.unlock();
  guards.put(guard);
  return count;
}

}  // namespace reindex
