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
#include <stdexcept>

#include "harness/bughunt/report.h"
#include "harness/bughunt/text.h"

namespace bughunt {

namespace {

void make_pipe(int fds[2]) {
  if (pipe2(fds, O_CLOEXEC) != 0) {
    throw std::runtime_error(fmt::format("cannot make a pipe: {}", std::strerror(errno)));
  }
}

// Starts argv with stdout and stderr on `output_fd`; returns its pid.
pid_t spawn(const std::vector<std::string>& argv, int output_fd) {
  // An exec failure is reported through a second pipe, so the caller gets a
  // clear error rather than a child that exits with a made-up status.
  int exec_fds[2];
  make_pipe(exec_fds);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(fmt::format("cannot fork: {}", std::strerror(errno)));
  if (pid == 0) {
    setpgid(0, 0);  // its own group, so a time-out can stop its threads and children
    dup2(output_fd, STDOUT_FILENO);
    dup2(output_fd, STDERR_FILENO);
    execvp(args[0], args.data());
    const int error = errno;
    (void)!write(exec_fds[1], &error, sizeof error);
    _exit(127);
  }
  close(exec_fds[1]);
  int exec_error = 0;
  const bool exec_failed = read(exec_fds[0], &exec_error, sizeof exec_error) == sizeof exec_error;
  close(exec_fds[0]);
  if (exec_failed) {
    waitpid(pid, nullptr, 0);
    throw std::runtime_error(fmt::format("cannot run {}: {}", argv[0], std::strerror(exec_error)));
  }
  return pid;
}

// True when the lines from `from` on hold a fatal sanitizer report's opener.
bool fatal_report_in(std::string_view output, std::size_t from) {
  for (std::string_view line : lines_of(output.substr(from))) {
    if (opens_fatal_sanitizer_report(strip_colour(line))) return true;
  }
  return false;
}

int exit_code_of(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 0;
}

}  // namespace

Outcome run_process(const std::vector<std::string>& argv, std::chrono::seconds limit,
                    const std::function<void(std::string_view)>& on_output,
                    std::chrono::seconds after_fatal_report) {
  int pipe_fds[2];
  make_pipe(pipe_fds);
  pid_t pid;
  try {
    pid = spawn(argv, pipe_fds[1]);
  } catch (...) {
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    throw;
  }
  close(pipe_fds[1]);

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
    if (poll(&fd, 1, static_cast<int>(left.count())) <= 0) continue;  // EINTR or time
    const ssize_t n = read(pipe_fds[0], chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    const std::string_view text(chunk, static_cast<std::size_t>(n));
    // Look from the start of the line the new text continues.
    const std::size_t line_start = outcome.output.rfind('\n') + 1;  // npos + 1 == 0
    outcome.output.append(text);
    if (on_output) on_output(text);
    if (!fatal_report && fatal_report_in(outcome.output, line_start)) {
      fatal_report = true;
      deadline = std::min(deadline, std::chrono::steady_clock::now() + after_fatal_report);
    }
  }
  close(pipe_fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  outcome.exit_code = exit_code_of(status);
  outcome.output = strip_colour(outcome.output);
  return outcome;
}

}  // namespace bughunt
