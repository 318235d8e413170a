// 05_telemetry_parser.cpp — a telemetry parser. Decoders come from a pool, so
// that the scratch space for a payload's values is allocated once and reused.
#include "harness/cases/05_telemetry_parser.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pool/pool.h"

namespace telemetry {
namespace {

class Decoder {
 public:
  Summary decode(std::shared_ptr<const std::string> payload) {
    input_ = std::move(payload);
    position_ = 0;
    values_.clear();
    std::string_view line;
    while (next_line(line)) values_.push_back(value_of(line));

    Summary summary;
    summary.readings = values_.size();
    if (!values_.empty()) {
      auto middle = values_.begin() + static_cast<std::ptrdiff_t>(values_.size() / 2);
      std::nth_element(values_.begin(), middle, values_.end());
      summary.median = *middle;
    }
    return summary;
  }

 private:
  bool next_line(std::string_view& line) {
    const std::string_view rest = std::string_view(*input_).substr(position_);
    if (rest.empty()) return false;
    const std::size_t end = std::min(rest.find('\n'), rest.size());
    line = rest.substr(0, end);
    position_ += std::min(end + 1, rest.size());
    return true;
  }

  // The number after '=', or 0 if there is none.
  static long long value_of(std::string_view line) {
    const std::size_t equals = line.find('=');
    long long value = 0;
    if (equals != std::string_view::npos)
      std::from_chars(line.data() + equals + 1, line.data() + line.size(), value);
    return value;
  }

  std::shared_ptr<const std::string> input_;  // the payload being decoded
  std::size_t position_ = 0;                  // where its next line starts
  std::vector<long long> values_;             // scratch: one value per line
};

pool::Pool<Decoder> decoders([] { return std::make_unique<Decoder>(); });

}  // namespace

Summary parse(std::shared_ptr<const std::string> payload) {
  auto decoder = decoders.borrow();
  return decoder->decode(std::move(payload));
}

}  // namespace telemetry
