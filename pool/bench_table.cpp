// bench_table — prints pool_bench's JSON output as a table.
//
//   bench_table results.json [more.json ...]
//
// Rows are implementations and shapes (Pool/pair, MutexPool/overflow,
// Fresh/deflate, ...), columns thread counts, cells the wall-clock nanoseconds
// per operation across all threads (an acquire+release pair in pool_bench, one
// call in pool_examples_bench), and in brackets the ratio to Pool's cell of
// the same shape and thread count (below 1.00 is faster than Pool).
#include <fmt/format.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: bench_table <pool_bench --benchmark_format=json output>...\n");
    return 2;
  }
  // "Pool/pair/real_time/threads:4" -> row "Pool/pair", column 4.
  std::map<std::string, std::map<int, double>> ns_per_pair;
  std::map<int, bool> thread_counts;
  for (int file = 1; file < argc; ++file) {
    std::ifstream in(argv[file]);
    if (!in) {
      fmt::print(stderr, "bench_table: cannot read {}\n", argv[file]);
      return 2;
    }
    const auto results = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (results.is_discarded() || !results.contains("benchmarks")) {
      fmt::print(stderr, "bench_table: {} is not pool_bench JSON output\n", argv[file]);
      return 2;
    }
    for (const auto& b : results["benchmarks"]) {
      const std::string name = b["name"];
      const auto threads_at = name.find("/threads:");
      const auto row = name.substr(0, name.find("/real_time"));
      const int threads =
          threads_at == std::string::npos ? 1 : std::stoi(name.substr(threads_at + 9));
      ns_per_pair[row][threads] = 1e9 / b["items_per_second"].get<double>();
      thread_counts[threads] = true;
    }
  }

  fmt::print("{:<28}", "ns per op (x Pool)");
  for (const auto& [threads, _] : thread_counts)
    fmt::print("{:>18}", fmt::format("{} threads", threads));
  fmt::print("\n");
  for (const auto& [row, cells] : ns_per_pair) {
    const auto shape = row.substr(row.find('/'));
    const auto pool_row = ns_per_pair.find("Pool" + shape);
    fmt::print("{:<28}", row);
    for (const auto& [threads, _] : thread_counts) {
      const auto cell = cells.find(threads);
      if (cell == cells.end()) {
        fmt::print("{:>18}", "-");
        continue;
      }
      std::string ratio;
      if (pool_row != ns_per_pair.end() && pool_row->second.count(threads))
        ratio = fmt::format(" ({:.2f})", cell->second / pool_row->second.at(threads));
      fmt::print("{:>18}", fmt::format("{:.1f}{}", cell->second, ratio));
    }
    fmt::print("\n");
  }
}
