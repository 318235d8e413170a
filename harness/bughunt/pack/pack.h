// harness/bughunt/pack/pack.h — the review pack: a static site a trainer
// projects, opened from disk, with no server and no network request.
//
// Each case page reveals its steps one at a time (the change that broke the
// program, as a pull request to review, before the program itself is shown;
// the program; the symptom; the hints; the report of a real run, short, with
// the raw text folded away; the fix as a diff; the explanation, with the lines
// a reviewer should have pointed at), and nothing of a later step is visible
// before it is reached. The index names each case by its program and its
// symptom only; the session page runs chosen cases in order with a timer
// each, and the notes page, opened in a second window, holds what the
// presenter says. Pages come from the templates in harness/pack/templates/,
// behaviour and looks from harness/pack/assets/, and the syntax highlighter
// from harness/pack/node_modules/ (installed by scripts/bootstrap).
//
// Example:
//
//   std::vector<CaseMaterial> cases = ...;  // gathered by `bughunt pack`
//   write_pack({.source_dir = root, .out = root / "build" / "pack"}, cases);
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "harness/bughunt/manifest.h"
#include "harness/bughunt/report.h"

namespace bughunt {

// Everything a case's page shows, gathered once.
struct CaseMaterial {
  Case c;
  std::string program;       // the broken program's text
  std::string program_path;  // "bugs/02_deferred_greetings.cpp"
  std::string diff;          // diff -u from the broken program to the fix
  std::string change;        // the pull request's patch: from the fix to the broken program
  std::string output;        // what the broken program's run printed, colour removed
  std::vector<Report> reports;
};

struct PackOptions {
  std::filesystem::path source_dir;  // the repository: templates, assets, the highlighter
  std::filesystem::path out;         // the site's folder, made if missing
  bool session = false;              // also a session page and its notes, in the given order
  std::string matrix_markdown;       // docs/matrix.md's text; empty: no matrix page
};

// The program's name as the index shows it: its namespace ("greetings").
std::string program_name(const std::string& program);

// The pages, by file name ("index.html", "case-02.html", ...); `page` is the
// skeleton template every page is filled into.
std::map<std::string, std::string> render_pages(const std::string& page,
                                                const std::string& case_body,
                                                const std::vector<CaseMaterial>& cases,
                                                const PackOptions& options);

// One case's steps, in order, as HTML sections (see pack.js for how they
// are revealed).
std::string render_steps(const CaseMaterial& m);

// The report step's content: for each report its headline, then each stack
// with its program frames as links to their lines, and the raw output folded.
std::string render_report(const CaseMaterial& m);

// The matrix table of docs/matrix.md as HTML, each cell classed by outcome;
// empty when the text holds no table.
std::string render_matrix(const std::string& markdown);

// Writes every page and copies the assets into options.out. Throws Stop when
// a template, an asset or the highlighter is missing.
void write_pack(const PackOptions& options, const std::vector<CaseMaterial>& cases);

}  // namespace bughunt
