#include "harness/bughunt/process.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>

#include "harness/bughunt/report.h"
#include "harness/bughunt/text.h"

namespace bughunt {

namespace {

constexpr int kStopSignals[] = {SIGINT, SIGTERM, SIGHUP};
std::atomic<pid_t> running_group{0};         // the group of the child being run, or 0
volatile std::sig_atomic_t stop_signal = 0;  // the stop signal the running child was sent
std::chrono::milliseconds stop_grace = kStopGrace;

void on_stop_signal(int signal) {
  const pid_t group = running_group.load();
  if (group == 0) {
    std::signal(signal, SIG_DFL);
    std::raise(signal);  // delivered when the handler returns
    return;
  }
  if (stop_signal == 0) stop_signal = signal;
  kill(-group, signal);
}

sigset_t stop_signal_set() {
  sigset_t set;
  sigemptyset(&set);
  for (int s : kStopSignals) sigaddset(&set, s);
  return set;
}

// Holds the stop signals back while it lives: run_process() lets them in only
// while it waits (ppoll), so none falls between a check and the wait.
class StopSignalsHeld {
 public:
  StopSignalsHeld() {
    const sigset_t set = stop_signal_set();
    sigprocmask(SIG_BLOCK, &set, &before_);
  }
  ~StopSignalsHeld() { sigprocmask(SIG_SETMASK, &before_, nullptr); }
  const sigset_t& before() const { return before_; }

 private:
  sigset_t before_;
};

void make_pipe(int fds[2]) {
  if (pipe2(fds, O_CLOEXEC) != 0) {
    throw std::runtime_error(fmt::format("cannot make a pipe: {}", std::strerror(errno)));
  }
}

// In a new child: the stop signals as they were before bughunt took them.
void restore_stop_signals(const sigset_t& mask) {
  for (int s : kStopSignals) {
    struct sigaction now {};
    sigaction(s, nullptr, &now);
    if (now.sa_handler == on_stop_signal) std::signal(s, SIG_DFL);
  }
  sigprocmask(SIG_SETMASK, &mask, nullptr);
}

// Starts argv in its own process group with stdout and stderr on
// `output_fd` and the signal mask `mask`; returns its pid.
pid_t spawn(const std::vector<std::string>& argv, int output_fd, const sigset_t& mask) {
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
    restore_stop_signals(mask);
    dup2(output_fd, STDOUT_FILENO);
    dup2(output_fd, STDERR_FILENO);
    execvp(args[0], args.data());
    const int error = errno;
    (void)!write(exec_fds[1], &error, sizeof error);
    _exit(127);
  }
  setpgid(pid, pid);  // as the child does: the group exists before a signal is passed on
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

// Reaps `pid`; an interrupted run's group is killed first, so none of its
// processes outlives bughunt. Throws Interrupted for that run.
int reap(pid_t pid) {
  running_group = 0;  // from here a stop signal ends bughunt itself
  const int interrupted_by = stop_signal;
  stop_signal = 0;
  if (interrupted_by != 0) kill(-pid, SIGKILL);  // the leader is unreaped: the group is still ours
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (interrupted_by != 0) throw Interrupted{interrupted_by};
  return exit_code_of(status);
}

}  // namespace

std::string binary_problem(const std::filesystem::path& path) {
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::status(path, error);
  if (!std::filesystem::exists(status)) return "is missing";
  if (!std::filesystem::is_regular_file(status)) return "is not a regular file";
  if (access(path.c_str(), X_OK) != 0) return "is not executable";
  char magic[4] = {};
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  const ssize_t n = fd < 0 ? -1 : read(fd, magic, sizeof magic);
  if (fd >= 0) close(fd);
  if (n == 0) return "is empty";
  if (n != sizeof magic || std::memcmp(magic,
                                       "\x7f"
                                       "ELF",
                                       sizeof magic) != 0) {
    return "is not an ELF file";
  }
  return "";
}

void forward_stop_signals(std::chrono::milliseconds grace) {
  stop_grace = grace;
  for (int s : kStopSignals) {
    struct sigaction old {};
    sigaction(s, nullptr, &old);
    if (old.sa_handler == SIG_IGN) continue;
    struct sigaction forward {};
    forward.sa_handler = on_stop_signal;
    sigemptyset(&forward.sa_mask);
    sigaction(s, &forward, nullptr);
  }
}

void die_of(int signal) {
  std::signal(signal, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, signal);
  sigprocmask(SIG_UNBLOCK, &set, nullptr);
  std::raise(signal);
  _exit(128 + signal);
}

Outcome run_process(const std::vector<std::string>& argv, std::chrono::seconds limit,
                    const std::function<void(std::string_view)>& on_output,
                    std::chrono::seconds after_fatal_report) {
  const StopSignalsHeld held;
  int pipe_fds[2];
  make_pipe(pipe_fds);
  pid_t pid;
  try {
    pid = spawn(argv, pipe_fds[1], held.before());
    running_group = pid;
  } catch (...) {
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    throw;
  }
  close(pipe_fds[1]);

  Outcome outcome;
  auto deadline = std::chrono::steady_clock::now() + limit;
  bool fatal_report = false, interrupted = false;
  char chunk[4096];
  for (;;) {
    if (stop_signal != 0 && !interrupted) {
      interrupted = true;  // passed on to the group: give it `stop_grace` to end
      deadline = std::min(deadline, std::chrono::steady_clock::now() + stop_grace);
    }
    const auto left = std::chrono::duration_cast<std::chrono::nanoseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      if (!interrupted) (fatal_report ? outcome.hung_after_report : outcome.timed_out) = true;
      kill(-pid, SIGKILL);
      break;
    }
    pollfd fd{pipe_fds[0], POLLIN, 0};
    const timespec wait{static_cast<time_t>(left.count() / 1'000'000'000),
                        static_cast<long>(left.count() % 1'000'000'000)};
    if (ppoll(&fd, 1, &wait, &held.before()) <= 0) continue;  // a signal, or time
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
  outcome.exit_code = reap(pid);
  outcome.output = strip_colour(outcome.output);
  return outcome;
}

}  // namespace bughunt
