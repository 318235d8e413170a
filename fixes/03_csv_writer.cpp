// 03_csv_writer.cpp — a CSV writer that builds each line in a scratch
// buffer from a pool, shared by every thread that exports.
#include "harness/cases/03_csv_writer.h"

#include <any>
#include <cstddef>
#include <memory>
#include <string>

#include "pool/any_pool.h"

namespace csv {
namespace {

// The factory must make what encode_row() casts to: a pointer to a buffer (a
// shared one, so that a buffer the pool drops is freed with it), not a buffer.
// std::any leaves that check to the cast, at run time; the typed pool makes a
// factory of the wrong type a compile error:
//   pool::Pool<std::string> lines([] { return std::string(); });  // no constructor matches
//   pool::Pool<std::string> lines([] { return std::make_unique<std::string>(); });  // fine
pool::AnyPool line_buffers([] { return std::any(std::make_shared<std::string>()); });

bool needs_quotes(const std::string& field) {
  return field.find_first_of(",\"\n") != std::string::npos;
}

void append_field(std::string& line, const std::string& field) {
  if (!needs_quotes(field)) {
    line += field;
    return;
  }
  line += '"';
  for (char c : field) {
    if (c == '"') line += '"';
    line += c;
  }
  line += '"';
}

}  // namespace

std::string encode_row(const std::vector<std::string>& fields) {
  auto line = std::any_cast<std::shared_ptr<std::string>>(line_buffers.get());
  line->clear();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) *line += ',';
    append_field(*line, fields[i]);
  }
  std::string row = *line;
  line_buffers.put(line);
  return row;
}

}  // namespace csv
