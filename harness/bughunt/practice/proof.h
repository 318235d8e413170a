// harness/bughunt/practice/proof.h — the scenario's own account that it ran.
//
// An exit status of 0 proves nothing: a trainee's file that calls _Exit(0)
// from a static initializer, or before the scenario's checks, exits 0 too.
// "Fixed" needs GoogleTest's JSON report (--gtest_output=json) to list every
// test of the scenario as run, completed and free of failures. The tests the
// scenario has come from the repository's reference binary
// (--gtest_list_tests), never from the trainee's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bughunt {

// "Suite.Test" for every test in the output of --gtest_list_tests.
std::vector<std::string> listed_tests(std::string_view list_output);

// Why the JSON report `json` does not prove that every test in `expected`
// ran and passed; empty when it does. E.g. "GoogleTest's report lists 0 of the
// scenario's 1 tests as passed", "there is no GoogleTest report".
std::string unproven(std::string_view json, const std::vector<std::string>& expected);

// How many of the run's pool gets found an idle object, from the counters
// every case binary adds to its JSON report (harness/support/pool_counts.cpp);
// nullopt when the report has none or cannot be read.
std::optional<std::uint64_t> pool_hits(std::string_view json);

}  // namespace bughunt
