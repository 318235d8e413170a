// 17_word_counter.cpp — counting words on worker threads.
//
// Jobs are pooled: each keeps the vector it splits words into, so a busy
// counter allocates that vector once rather than for every text.
#include "harness/cases/17_word_counter.h"

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "pool/pool.h"

namespace wordcount {

struct Job {
  std::string text;
  std::vector<std::string_view> words;
  std::size_t count = 0;
};

namespace {

pool::Pool<Job> jobs([] { return std::make_unique<Job>(); });

std::mutex workers_mu;
std::vector<std::thread> workers;  // guarded by workers_mu

// Splits the job's text at spaces and counts the pieces.
void count_words(Job& job) {
  job.words.clear();
  std::string_view rest = job.text;
  while (!rest.empty()) {
    const std::size_t space = rest.find(' ');
    const std::string_view word = rest.substr(0, space);
    if (!word.empty()) job.words.push_back(word);
    rest.remove_prefix(space == std::string_view::npos ? rest.size() : space + 1);
  }
  job.count = job.words.size();
}

}  // namespace

Job* dispatch(std::string text) {
  Job* job = jobs.get();
  job->text = std::move(text);
  std::lock_guard lock(workers_mu);
  workers.emplace_back([job] { count_words(*job); });
  return job;
}

void join_workers() {
  std::lock_guard lock(workers_mu);
  for (std::thread& worker : workers) worker.join();
  workers.clear();
}

// The caller reads the count last, so the caller gives the job back, after reading. A job
// the worker put back is the pool's: collections may delete it before its count is read.
std::size_t words_in(Job* job) {
  const std::size_t count = job->count;
  jobs.put(job);
  return count;
}

}  // namespace wordcount
