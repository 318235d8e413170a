// harness/bughunt/practice/workspace.h — the trainee's workspace: their
// copies of the broken programs and one small JSON file of progress.
//
// The workspace is a folder outside bugs/ and fixes/: --workspace DIR, else
// $BUGHUNT_WORKSPACE, else workspace/ in the repository. Case 02 is practised
// in DIR/case02.cpp (a name that says nothing of the mistake); progress.json
// beside it says, per case, how far the trainee got, how many hints they
// have seen and how they reviewed its change, and which case they worked on
// last.
//
// Nothing the trainee wrote is ever lost: a reset keeps their file as a backup,
// and a progress file that cannot be read (damaged, or not ours) is an error,
// never overwritten.
//
// Example:
//
//   Workspace ws(ctx.workspace);
//   Progress p = ws.load();          // empty when there is none yet
//   p.of(c).state = State::kStarted;
//   ws.save(p);
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "harness/bughunt/change.h"
#include "harness/bughunt/manifest.h"

namespace bughunt {

// How far a trainee got with a case. kRevealed: they asked for the fix
// before solving it.
enum class State { kUntouched, kStarted, kSolved, kRevealed };

std::string_view name(State s);  // "untouched", "started", "solved", "revealed"

struct CaseProgress {
  State state = State::kUntouched;
  int hints_seen = 0;
  // How the case's change was reviewed (bughunt review N --answer or
  // --approve); none until then. The first answer is kept: it reveals the
  // mistake, so any later one is no review.
  std::optional<Review> review;
};

struct Progress {
  std::map<int, CaseProgress> cases;  // by case id; a missing case is untouched
  int last = 0;                       // the case worked on last; 0 for none

  CaseProgress& of(const Case& c) { return cases[c.id]; }
  CaseProgress at(const Case& c) const;
};

class Workspace {
 public:
  explicit Workspace(std::filesystem::path dir) : dir_(std::move(dir)) {}

  const std::filesystem::path& dir() const { return dir_; }
  // DIR/case02.cpp: the trainee's copy of case 02.
  std::filesystem::path file(const Case& c) const;
  std::filesystem::path progress_file() const { return dir_ / "progress.json"; }

  // Throws Stop (exit 2) when the workspace does not exist yet.
  void require() const;
  // The progress recorded; empty when there is no progress file. Throws Stop
  // when the file is damaged or not a bughunt progress file.
  Progress load() const;
  // Writes the progress (through a temporary file, so a failed write leaves
  // the old one whole), creating the workspace if need be. Throws Stop when
  // the workspace cannot be written.
  void save(const Progress& progress) const;
  // Creates the workspace if need be; inside `repository` it is git-ignored.
  void create(const std::filesystem::path& repository) const;
  // Copies `from` to `to` inside the workspace; throws Stop when it cannot.
  void copy(const std::filesystem::path& from, const std::filesystem::path& to) const;
  // A free name for a backup of `file`: case02.backup-1.cpp, -2, ...
  std::filesystem::path backup_name(const std::filesystem::path& file) const;

 private:
  std::filesystem::path dir_;
};

// Refuses to show the fix of a case in practice that is neither solved nor
// revealed, unless `give_up` (then records it as revealed). Cases never
// started show their fix freely.
void allow_reveal(const Workspace& ws, const Case& c, bool give_up);

}  // namespace bughunt
