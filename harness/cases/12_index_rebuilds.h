// harness/cases/12_index_rebuilds.h — case 12: the search index is rebuilt on
// request, one rebuild at a time; a request that arrives while a rebuild is
// running is skipped, since the running one will do.
#pragma once

#include <functional>

namespace reindex {

// Runs `rebuild` unless another rebuild is running; then returns false at
// once without running it. Returns true when `rebuild` ran.
bool run_unless_busy(const std::function<void()>& rebuild);

// How many rebuilds have been started so far.
int rebuilds_started();

}  // namespace reindex
