// harness/cases/15_account_reports.h — case 15: account reports made of a
// quick summary and details that come from a slow store.
#pragma once

#include <functional>
#include <string>

namespace reports {

// Stores the next line of a section in `line` and returns true, or returns
// false at the end of the section.
using LineSource = std::function<bool(std::string& line)>;

// Renders a report: every line of `summary`, then every line of `details`,
// each line ending in '\n'. The details are fetched on a helper thread while
// the summary is written, since their store is slow.
std::string render(const LineSource& summary, const LineSource& details);

}  // namespace reports
