// harness/cases/19_feed_reader_test.cpp — the scenario of case 19: a reader lists a
// feed's entries by title first, then reads the bodies it wants.
#include "harness/cases/19_feed_reader.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstddef>
#include <string>

#include "harness/support/heap.h"

namespace {

constexpr std::size_t kMiB = 1 << 20;
constexpr std::size_t kListingBudget = 1 * kMiB;  // three titles and their inflaters

// `text` as one zlib stream, as an entry arrives on the wire.
std::string deflated(const std::string& text) {
  uLongf size = compressBound(text.size());
  std::string wire(size, '\0');
  EXPECT_EQ(compress(reinterpret_cast<Bytef*>(wire.data()), &size,
                     reinterpret_cast<const Bytef*>(text.data()), text.size()),
            Z_OK);
  wire.resize(size);
  return wire;
}

// An entry with an 8 MiB body that the reader lists but never reads.
std::string archive_wire() {
  std::string text = "archive\n";
  while (text.size() < 8 * kMiB) text += "old news, long forgotten\n";
  return deflated(text);
}

// Entries listed first keep their own bodies, and listing them inflates no body.
TEST(FeedReaderTest, EachEntryKeepsItsBody) {
  const std::string greeting_wire = deflated("greeting\nhello, alice");
  const std::string archive = archive_wire();
  const std::string farewell_wire = deflated("farewell\nbye, bob");

  const std::size_t before = harness::heap_bytes_in_use();
  const feed::Entry greeting = feed::parse(greeting_wire);
  const feed::Entry old_news = feed::parse(archive);
  const feed::Entry farewell = feed::parse(farewell_wire);
  const std::size_t after = harness::heap_bytes_in_use();
  ASSERT_EQ(greeting.title, "greeting");
  ASSERT_EQ(old_news.title, "archive");
  ASSERT_EQ(farewell.title, "farewell");

  const std::string greeting_body = feed::read_all(*greeting.body);
  const std::string farewell_body = feed::read_all(*farewell.body);
  EXPECT_EQ(greeting_body, "hello, alice")
      << "the body of 'greeting' reads '" << greeting_body << "'";
  EXPECT_EQ(farewell_body, "bye, bob") << "the body of 'farewell' reads '" << farewell_body << "'";
  const std::size_t listed = after > before ? after - before : 0;
  EXPECT_LE(listed, kListingBudget)
      << fmt::format("listing three entries took {:.1f} MiB of heap before any body was read",
                     double(listed) / kMiB);
}

}  // namespace
