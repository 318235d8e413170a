// harness/cases/17_word_counter.h — counting words on worker threads.
//
// dispatch() hands a text to a worker thread that counts its words. The caller
// goes on with other work and later asks the job for the count.
#pragma once

#include <cstddef>
#include <string>

namespace wordcount {

// One counting job: a text in, its number of words out.
struct Job;

// Starts counting the words of `text` on a worker thread.
Job* dispatch(std::string text);

// Waits until every worker started so far has finished its job.
void join_workers();

// The number of words `job` counted. The caller is done with the job afterwards.
std::size_t words_in(Job* job);

}  // namespace wordcount
