// 17_word_counter.cpp — a word counter that tallies each text in a hash table
// taken from a pool, with a few tables ready from the start.
#include "harness/cases/17_word_counter.h"

#include <cstddef>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "pool/pool.h"

namespace wordcount {
namespace {

// How often each word of a text occurs. A cleared table keeps its buckets, so
// a busy counter does not grow them anew for every text.
using Table = std::unordered_map<std::string_view, std::size_t>;

pool::Pool<Table> tables([] { return std::make_unique<Table>(); });

constexpr std::size_t kSpareTables = 4;  // enough for the first burst of requests

}  // namespace

void start() {
  // Each made on its own, as the factory makes them: the pool owns what it is
  // given and deletes it when it drops it.
  for (std::size_t i = 0; i < kSpareTables; ++i) tables.put(std::make_unique<Table>().release());
}

// Two collection cycles: the first sets the idle tables aside, the second
// deletes them.
void release_idle_memory() {
  pool::collect();
  pool::collect();
}

Tally count(std::string_view text) {
  auto table = tables.borrow();
  table->clear();  // the words of the last text counted
  Tally tally;
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    const std::string_view word = text.substr(0, space);
    text.remove_prefix(space == std::string_view::npos ? text.size() : space + 1);
    if (word.empty()) continue;
    ++tally.words;
    const std::size_t times = ++(*table)[word];
    if (times > tally.commonest_times) {
      tally.commonest = word;
      tally.commonest_times = times;
    }
  }
  return tally;
}

}  // namespace wordcount
