// 12_index_rebuilds.cpp — runs rebuilds of the search index one at a time. The
// caller of a rebuild try-locks a mutex; a caller that finds it locked skips
// its rebuild, since the one running will bring the index up to date.
#include "harness/cases/12_index_rebuilds.h"

#include <mutex>

namespace reindex {
namespace {

// One mutex for every caller. A mutex excludes only those who lock that same
// mutex; guards from a pool are a different one for each concurrent caller.
std::mutex busy;

int started = 0;  // rebuilds started; read and written only with the mutex locked

}  // namespace

bool run_unless_busy(const std::function<void()>& rebuild) {
  std::unique_lock lock(busy, std::try_to_lock);
  if (!lock.owns_lock()) return false;
  ++started;
  rebuild();
  return true;
}

int rebuilds_started() {
  std::lock_guard lock(busy);
  return started;
}

}  // namespace reindex
