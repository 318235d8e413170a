// harness/cases/17_word_counter.h — case 17: counts the words of texts for a
// long-running service that gives memory back when its host runs short.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace wordcount {

// What count() finds in a text.
struct Tally {
  std::size_t words = 0;            // words in the text, separated by spaces
  std::string commonest;            // the most frequent word; of equals, the first to get there
  std::size_t commonest_times = 0;  // how often it occurs
};

// Called once as the service starts, before the first count().
void start();

// Counts the words of `text`.
Tally count(std::string_view text);

// Called by the host when memory runs low: the counter hands what it holds
// idle back to the allocator.
void release_idle_memory();

}  // namespace wordcount
