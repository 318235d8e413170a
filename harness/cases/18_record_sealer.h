// harness/cases/18_record_sealer.h — sealing records with a CRC-32 checksum.
//
// seal() appends a record's CRC-32 (the one zlib and Ethernet use) so that a
// reader can tell a record that arrived whole from one that was damaged.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sealing {

// `record`, then '#' and its CRC-32 in eight hex digits: seal("hello") == "hello#3610a686".
std::string seal(std::string_view record);

// How many times the program has built its CRC-32 lookup table: a metric the service exports.
std::size_t crc_tables_built();

// The host calls this when traffic stops: the service gives back what it keeps
// for busy times, as a Go service's collector would while it idles.
void idle();

}  // namespace sealing
