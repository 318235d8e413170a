// The words of a report: each stack's title from its role and heading, the
// closing sentence from the kind, the short names of functions. Every phrase
// comes from what the report printed; nothing is guessed beyond it.
#include "harness/bughunt/report_words.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <regex>

#include "harness/bughunt/report_short.h"
#include "harness/bughunt/text.h"

namespace bughunt {

namespace {

constexpr std::size_t npos = std::string_view::npos;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// "thread T1", "the main thread", "thread #3"; "the program" when no thread is named.
std::string who(std::string_view thread) {
  if (thread.empty()) return "the program";
  if (thread == "main thread") return "the main thread";
  return fmt::format("thread {}", thread);
}

// The number after `marker` in `text`, as printed; empty when there is none.
std::string number_after(std::string_view text, std::string_view marker) {
  const std::size_t at = text.find(marker);
  if (at == npos) return {};
  const std::string_view rest = text.substr(at + marker.size());
  return std::string(rest.substr(0, rest.find_first_not_of("0123456789")));
}

std::string bytes(const std::string& count) {
  if (count.empty()) return "memory";
  return fmt::format("{} byte{}", count, count == "1" ? "" : "s");
}

// The access a heading names: "read 8 bytes", "atomically wrote 4 bytes",
// "had written 8 bytes" (`earlier`); empty when it names no read or write.
std::string access_words(std::string_view heading, bool earlier) {
  const std::string text = lower(heading);
  const bool write = text.find("write") != npos;
  if (!write && text.find("read") == npos) return {};
  const std::string_view verb =
      write ? (earlier ? "had written" : "wrote") : (earlier ? "had read" : "read");
  const bool atomic = text.find("atomic") != npos;
  return fmt::format("{}{} {}", verb, atomic ? " atomically" : "",
                     bytes(number_after(text, "of size ")));
}

// What UBSan says went wrong: "member call on null pointer of type 'std::string'".
std::string undefined_behaviour(const Report& r) {
  const std::size_t at = r.headline.find("runtime error: ");
  return at == npos ? r.headline : r.headline.substr(at + 15);
}

// ", by thread T0" for a heading that names a thread; "" when it names none.
std::string by(const Stack& s) { return s.thread.empty() ? "" : ", by " + who(s.thread); }

std::string access_title(const Report& r, const Stack& s) {
  const std::string_view heading = s.heading.empty() ? std::string_view(r.headline) : s.heading;
  switch (r.kind) {
    case Kind::kDoubleFree:
      return fmt::format("{} freed the memory a second time here", who(s.thread));
    case Kind::kStackOverflow:
      return "the stack overflowed here";
    case Kind::kSegv:
      return "the program touched a bad address here";
    case Kind::kUndefinedBehaviour:
      return "the undefined behaviour is here: " + undefined_behaviour(r);
    case Kind::kAssertion:
      return "the check failed here";
    case Kind::kLockedMutexDestroy:
      return "the locked mutex was destroyed here";
    case Kind::kSignalUnsafeCall:
      return "the signal handler made an unsafe call here";
    case Kind::kSignal:
      return "the program died here";
    default:
      break;
  }
  const std::string access = access_words(heading, false);
  return access.empty() ? "it happened here" : fmt::format("{} {} here", who(s.thread), access);
}

std::string leak_title(std::string_view heading) {
  std::string count = number_after(heading, "leak of ");
  if (count.empty()) count = number_after(heading, "");
  const bool indirect = heading.starts_with("Indirect");
  return fmt::format("leaked{}: {} allocated here, never freed", indirect ? " with it" : "",
                     bytes(count));
}

// "wordcount::spare_tables": the global variable a kDefined stack's heading
// (ASan's line on it) names, shortened; empty when it names none.
std::string global_name(const Stack& s) {
  constexpr std::string_view kGlobal = "global variable '";
  const std::string_view heading = s.heading;
  const std::size_t at = heading.find(kGlobal);
  if (at == npos) return {};
  const std::string_view rest = heading.substr(at + kGlobal.size());
  return short_name(rest.substr(0, rest.find("' defined in '")));
}

std::string defined_title(const Stack& s) {
  const std::string global = global_name(s);
  if (global.empty()) return "the memory's variable is defined here";
  return fmt::format("the memory is global variable '{}', defined here", global);
}

std::string created_title(const Stack& s) {
  const std::size_t at = s.heading.find("created by ");
  std::string creator;
  if (at != npos) {
    std::string_view rest = std::string_view(s.heading).substr(at + 11);
    rest = rest.substr(0, rest.find(" at"));
    creator = fmt::format(", by {}", rest == "main thread" ? "the main thread" : rest);
  }
  return fmt::format("{} was created here{}", who(s.thread), creator);
}

// Where a stack points, for a sentence: "bugs/02_deferred_greetings.cpp:29".
std::string place(const Stack* s) {
  const Frame* f = s ? key_frame(*s) : nullptr;
  return f ? where(*f) : "a place the report does not name";
}

const Stack* stack_of(const Report& r, Role role) {
  for (const Stack& s : r.stacks) {
    if (s.role == role) return &s;
  }
  return nullptr;
}

// "read", "write", "atomic write": an access as a noun.
std::string access_noun(const Stack* s) {
  const std::string text = lower(s ? s->heading : "");
  const bool write = text.find("write") != npos;
  return fmt::format("{}{}", text.find("atomic") != npos ? "atomic " : "",
                     write ? "write" : "read");
}

std::string race_sentence(const Report& r) {
  const Stack* now = stack_of(r, Role::kAccess);
  const Stack* before = stack_of(r, Role::kPreviousAccess);
  return fmt::format(
      "A data race: {}'s {} at {} and {}'s {} at {} touch the same memory, and neither "
      "happens-before the other.",
      who(now ? now->thread : ""), access_noun(now), place(now), who(before ? before->thread : ""),
      access_noun(before), place(before));
}

std::string overflow_sentence(const Report& r) {
  std::vector<std::string> places;
  for (const Stack& s : r.stacks) {
    for (const Frame& f : s.frames) {
      const std::string at = where(f);
      if (f.place == Place::kProgram && std::find(places.begin(), places.end(), at) == places.end())
        places.push_back(at);
    }
  }
  if (places.empty()) return "A stack overflow: the calls recurse until the stack runs out.";
  const std::string through =
      places.size() == 1 ? places[0] : fmt::format("{} and {}", places[0], places[1]);
  return fmt::format("A stack overflow: the calls through {} recurse until the stack runs out.",
                     through);
}

std::string leak_sentence(const Report& r) {
  std::string_view amount = r.summary;
  if (const std::size_t at = amount.rfind(": "); amount.starts_with("SUMMARY:") && at != npos) {
    amount = amount.substr(at + 2);
    if (amount.ends_with('.')) amount.remove_suffix(1);
    return fmt::format("A memory leak: {}; the first was allocated at {} and never freed.", amount,
                       place(stack_of(r, Role::kLeaked)));
  }
  return fmt::format("A memory leak: memory allocated at {} was never freed.",
                     place(stack_of(r, Role::kLeaked)));
}

std::string bad_free_sentence(const Report& r) {
  const std::string freed =
      fmt::format("A bad free: the program freed at {} an address that no allocation returned",
                  place(stack_of(r, Role::kFreed)));
  const Stack* defined = stack_of(r, Role::kDefined);
  if (!defined || global_name(*defined).empty()) return freed + ".";
  return fmt::format("{}: it lies in global variable '{}', defined at {}.", freed,
                     global_name(*defined), place(defined));
}

std::string check_sentence(const Report& r) {
  const std::string at = r.stacks.empty() ? "" : " at " + place(&r.stacks.front());
  if (!r.expected.empty()) {
    return fmt::format("The check{} failed: it expected {} and got {}.", at, r.expected, r.actual);
  }
  return fmt::format("The check{} failed: {}", at, r.message.empty() ? r.headline : r.message);
}

std::string death_sentence(const Report& r) {
  const Frame* last = nullptr;
  for (const Stack& s : r.stacks) {
    for (const Frame& f : s.frames) {
      if (f.place == Place::kProgram && !last) last = &f;
    }
  }
  const std::string how = r.headline.starts_with("killed by ")
                              ? fmt::format("The program was {}", r.headline)
                              : fmt::format("The program died: {}", r.headline);
  if (last) return fmt::format("{}; its last frame in the program is {}.", how, where(*last));
  return how + ". It printed no report and no backtrace, so no line can be named.";
}

}  // namespace

const Frame* key_frame(const Stack& s) {
  for (const Frame& f : s.frames) {
    if (f.place == Place::kProgram) return &f;
  }
  for (const Frame& f : s.frames) {
    if (!f.file.empty()) return &f;
  }
  return nullptr;
}

std::string title(const Report& r, const Stack& s) {
  switch (s.role) {
    case Role::kAccess:
      return access_title(r, s);
    case Role::kPreviousAccess: {
      const std::string access = access_words(s.heading, true);
      return fmt::format("{} {} here, with no synchronisation between the two", who(s.thread),
                         access.empty() ? "had touched it" : access);
    }
    case Role::kAllocated:
      return "the memory was allocated here" + by(s);
    case Role::kFreed:
      if (r.kind == Kind::kBadFree) {
        return fmt::format("{} freed memory here that no allocation returned", who(s.thread));
      }
      return "the memory was freed here" + by(s);
    case Role::kLeaked:
      return leak_title(s.heading);
    case Role::kThreadCreated:
      return created_title(s);
    case Role::kDefined:
      return defined_title(s);
    case Role::kMutex: {
      const std::string_view rest = std::string_view(s.heading).substr(s.heading.find(' ') + 1);
      return fmt::format("mutex {} was created here", rest.substr(0, rest.find(' ')));
    }
    case Role::kOther:
      break;
  }
  if (r.kind == Kind::kLockedMutexDestroy && s.heading == "and:")
    return "the mutex was locked here";
  std::string_view heading = trim(s.heading);
  if (heading.ends_with(':')) heading.remove_suffix(1);
  return heading.empty() ? "and here" : std::string(heading);
}

std::string conclusion(const Report& r) {
  const Stack* access = stack_of(r, Role::kAccess);
  switch (r.kind) {
    case Kind::kDataRace:
      return race_sentence(r);
    case Kind::kHeapUseAfterFree:
      return fmt::format("A heap use after free: memory freed at {} was used again at {}.",
                         place(stack_of(r, Role::kFreed)), place(access));
    case Kind::kDoubleFree:
      return fmt::format("A double free: memory freed at {} was freed again at {}.",
                         place(stack_of(r, Role::kFreed)), place(access));
    case Kind::kBadFree:
      return bad_free_sentence(r);
    case Kind::kLeak:
      return leak_sentence(r);
    case Kind::kStackOverflow:
      return overflow_sentence(r);
    case Kind::kSegv:
      return fmt::format("A crash: the program touched a bad address at {}.", place(access));
    case Kind::kUndefinedBehaviour:
      return fmt::format("Undefined behaviour at {}: {}.", place(access), undefined_behaviour(r));
    case Kind::kAssertion:
      return check_sentence(r);
    case Kind::kSignal:
      return death_sentence(r);
    case Kind::kThreadLeak:
      return fmt::format("A thread leak: the thread created at {} was never joined.",
                         place(stack_of(r, Role::kThreadCreated)));
    default:
      return fmt::format("{}: {}, at {}.", reporter(r), r.headline, place(access));
  }
}

std::string reporter(const Report& r) {
  static const std::regex kName(R"(\b(\w+Sanitizer)\b)");
  std::smatch m;
  if (r.source == Source::kSanitizer && std::regex_search(r.headline, m, kName)) return m[1];
  if (r.kind == Kind::kUndefinedBehaviour) return "UndefinedBehaviorSanitizer";
  switch (r.source) {
    case Source::kValgrind:
      return "Valgrind";
    case Source::kGoogleTest:
      return "GoogleTest";
    default:
      return r.kind == Kind::kSignal ? "the system" : "the C++ runtime";
  }
}

}  // namespace bughunt
