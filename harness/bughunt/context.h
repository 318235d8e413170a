// harness/bughunt/context.h — what every verb works with: the trees, the
// cases, and how to write to the terminal.
#pragma once

#include <fmt/color.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "harness/bughunt/manifest.h"
#include "harness/bughunt/naming.h"

namespace bughunt {

// An error the user can act on: one line, then exit with `code`.
struct Stop : std::runtime_error {
  Stop(int code, const std::string& message) : std::runtime_error(message), code(code) {}
  int code;
};

struct Context {
  std::filesystem::path source_dir;  // the repository
  std::filesystem::path build_dir;   // the tree this bughunt was built in
  std::filesystem::path manifest;
  std::filesystem::path workspace;  // the trainee's (practice/workspace.h), made absolute
  bool colour = false;              // stdout is a terminal and NO_COLOR is unset
  bool build = true;                // false with --no-build
  std::vector<Case> cases;
  // The cases the build tree builds ("02_deferred_greetings"), as its configure
  // step wrote them to bughunt_cases.txt; empty when it is not configured.
  std::vector<std::string> built;

  // The case a user means by `text`; throws Stop when there is none.
  const Case& find(const std::string& text) const;
  // The cases named by `ids`, each once, or every case when `ids` is empty.
  std::vector<const Case*> chosen(const std::vector<std::string>& ids) const;

  // Throws Stop when the build tree does not build `c`: another manifest's
  // entry, or a tree narrowed by BUGHUNT_CASES. A target of the same number
  // is another program, never a stand-in.
  void require_built(const Case& c) const;
  // The target of (c, v, f), once require_built(c) passed.
  std::string target(const Case& c, Variant v, Flavour f) const {
    require_built(c);
    return target_name(c, v, f);
  }
  std::filesystem::path binary(const Case& c, Variant v, Flavour f) const {
    return build_dir / target(c, v, f);
  }
  std::filesystem::path source(const Case& c, Variant v) const {
    return source_dir / source_path(c, v);
  }

  // Text in a colour or in bold, on a terminal only.
  std::string paint(fmt::terminal_color colour_name, std::string_view text) const;
  std::string bold(std::string_view text) const;
};

}  // namespace bughunt
