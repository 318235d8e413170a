// Writing the pack: the pages, the pack's own assets and the highlighter,
// all inside the site's folder so it opens from disk with no network.
#include <fmt/format.h>

#include <fstream>

#include "harness/bughunt/context.h"
#include "harness/bughunt/pack/pack.h"
#include "harness/bughunt/text.h"

namespace fs = std::filesystem;

namespace bughunt {

namespace {

fs::path needed(const fs::path& file, std::string_view remedy) {
  if (!fs::is_regular_file(file)) {
    throw Stop(2, fmt::format("pack: {} is missing{}", file.string(), remedy));
  }
  return file;
}

}  // namespace

void write_pack(const PackOptions& options, const std::vector<CaseMaterial>& cases) {
  const fs::path home = options.source_dir / "harness" / "pack";
  const fs::path highlighter = home / "node_modules" / "@highlightjs" / "cdn-assets";
  constexpr std::string_view kInstall = " (scripts/bootstrap installs it: npm ci in harness/pack)";
  // Source, and its name in the site's assets/.
  const std::pair<fs::path, std::string> assets[] = {
      {needed(home / "assets" / "pack.css", ""), "pack.css"},
      {needed(home / "assets" / "pack.js", ""), "pack.js"},
      {needed(highlighter / "highlight.min.js", kInstall), "highlight.min.js"},
      {needed(highlighter / "styles" / "github.min.css", kInstall), "highlight.css"},
      {needed(highlighter / "LICENSE", kInstall), "highlight.LICENSE.txt"},
  };
  const std::string page = read_file(needed(home / "templates" / "page.html", ""));
  const std::string case_body = read_file(needed(home / "templates" / "case.html", ""));
  const std::map<std::string, std::string> pages = render_pages(page, case_body, cases, options);

  std::error_code error;
  fs::create_directories(options.out / "assets", error);
  if (error) {
    throw Stop(2, fmt::format("pack: cannot make {}: {}", options.out.string(), error.message()));
  }
  for (const auto& [from, to] : assets) {
    fs::copy_file(from, options.out / "assets" / to, fs::copy_options::overwrite_existing);
  }
  for (const auto& [file, html] : pages) {
    std::ofstream out(options.out / file);
    out << html;
    if (!out) throw Stop(2, fmt::format("pack: cannot write {}", (options.out / file).string()));
  }
}

}  // namespace bughunt
