// bughunt watch [N] — check the trainee's fix again on every save, until
// interrupted (Ctrl-C).
//
// It watches the workspace folder, not the file: editors that save by writing
// a new file and renaming it over the old one (vim, JetBrains' safe write)
// replace the file a file watch would follow, and their swap and temporary
// files are told apart by name. A burst of events (a rename, a write, an
// attribute change) is one save: the check waits until the folder has been
// quiet for kQuiet.
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "harness/bughunt/practice/check.h"
#include "harness/bughunt/verbs.h"

namespace bughunt {

namespace {

constexpr int kQuietMs = 300;
volatile sig_atomic_t interrupted = 0;

void on_interrupt(int) { interrupted = 1; }

// True when the events in buf name `file` (as written, created or renamed to).
bool names_file(const char* buf, ssize_t size, const std::string& file) {
  for (ssize_t at = 0; at < size;) {
    const auto* event = reinterpret_cast<const inotify_event*>(buf + at);
    if (event->len > 0 && file == event->name) return true;
    at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
  }
  return false;
}

// Waits for a save of `file`, then for kQuietMs without events. False when interrupted.
bool wait_for_save(int fd, const std::string& file) {
  alignas(inotify_event) char buf[8192];
  bool saved = false;
  while (!interrupted) {
    pollfd p{.fd = fd, .events = POLLIN, .revents = 0};
    const int ready = ::poll(&p, 1, saved ? kQuietMs : -1);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) throw Stop(2, fmt::format("watching failed: {}", std::strerror(errno)));
    if (ready == 0) return true;  // quiet after a save
    const ssize_t size = ::read(fd, buf, sizeof buf);
    if (size > 0 && names_file(buf, size, file)) saved = true;
  }
  return false;
}

class Watcher {
 public:
  explicit Watcher(const std::filesystem::path& dir)
      : fd_(::inotify_init1(IN_CLOEXEC | IN_NONBLOCK)) {
    constexpr std::uint32_t kSaves = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB;
    if (fd_ < 0 || ::inotify_add_watch(fd_, dir.c_str(), kSaves) < 0) {
      throw Stop(2, fmt::format("cannot watch {}: {}", dir.string(), std::strerror(errno)));
    }
  }
  ~Watcher() { ::close(fd_); }
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

int watch(const Context& ctx, const std::string& id) {
  const Workspace ws(ctx.workspace);
  const Case& c = case_to_check(ctx, ws, id);
  Watcher watcher(ws.dir());
  struct sigaction action {};
  action.sa_handler = on_interrupt;  // no SA_RESTART: poll() returns at once
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  const std::string file = ws.file(c).filename().string();
  for (bool first = true; first || wait_for_save(watcher.fd(), file); first = false) {
    if (!std::filesystem::exists(ws.file(c))) continue;  // mid-way through a rename
    check_and_tell(ctx, ws, c);
    fmt::print("\nwatch: waiting for a save of {} (Ctrl-C stops)\n", ws.file(c).string());
    std::fflush(stdout);
  }
  fmt::print("watch: stopped\n");
  return 0;
}

}  // namespace

Action setup_watch(CLI::App& command) {
  auto id = std::make_shared<std::string>();
  command.add_option("case", *id, "Case number or slug (default: the one worked on last)");
  return [id](Context& ctx) { return watch(ctx, *id); };
}

}  // namespace bughunt
