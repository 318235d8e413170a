#include "harness/bughunt/process.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <regex>
#include <stdexcept>

namespace bughunt {

Outcome run_process(const std::vector<std::string>& argv, std::chrono::seconds limit,
                    const std::function<void(std::string_view)>& on_output,
                    std::chrono::seconds after_fatal_report) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    throw std::runtime_error(fmt::format("cannot make a pipe: {}", std::strerror(errno)));
  }
  // An exec failure is reported through a second pipe, so the caller gets a
  // clear error rather than a child that exits with a made-up status.
  int exec_fds[2];
  if (pipe2(exec_fds, O_CLOEXEC) != 0) {
    throw std::runtime_error(fmt::format("cannot make a pipe: {}", std::strerror(errno)));
  }
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(fmt::format("cannot fork: {}", std::strerror(errno)));
  if (pid == 0) {
    setpgid(0, 0);  // its own group, so a time-out can stop its threads and children
    dup2(pipe_fds[1], STDOUT_FILENO);
    dup2(pipe_fds[1], STDERR_FILENO);
    execvp(args[0], args.data());
    const int error = errno;
    (void)!write(exec_fds[1], &error, sizeof error);
    _exit(127);
  }
  close(pipe_fds[1]);
  close(exec_fds[1]);
  int exec_error = 0;
  const bool exec_failed = read(exec_fds[0], &exec_error, sizeof exec_error) == sizeof exec_error;
  close(exec_fds[0]);
  if (exec_failed) {
    close(pipe_fds[0]);
    waitpid(pid, nullptr, 0);
    throw std::runtime_error(fmt::format("cannot run {}: {}", argv[0], std::strerror(exec_error)));
  }

  static const std::regex fatal_sanitizer_line(R"(ERROR: \w*Sanitizer)");
  Outcome outcome;
  auto deadline = std::chrono::steady_clock::now() + limit;
  bool fatal_report = false;
  char chunk[4096];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      (fatal_report ? outcome.hung_after_report : outcome.timed_out) = true;
      kill(-pid, SIGKILL);
      break;
    }
    pollfd fd{pipe_fds[0], POLLIN, 0};
    const int ready = poll(&fd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    const ssize_t n = read(pipe_fds[0], chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    const std::string_view text(chunk, static_cast<std::size_t>(n));
    // Search from a little before the new text, in case the line was split.
    const std::size_t from = outcome.output.size() > 64 ? outcome.output.size() - 64 : 0;
    outcome.output.append(text);
    if (on_output) on_output(text);
    if (!fatal_report && std::regex_search(outcome.output.cbegin() + from, outcome.output.cend(),
                                           fatal_sanitizer_line)) {
      fatal_report = true;
      deadline = std::min(deadline, std::chrono::steady_clock::now() + after_fatal_report);
    }
  }
  close(pipe_fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    outcome.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    outcome.exit_code = 128 + WTERMSIG(status);
  }
  outcome.output = strip_colour(outcome.output);
  return outcome;
}

}  // namespace bughunt
