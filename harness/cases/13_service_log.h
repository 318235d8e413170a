// harness/cases/13_service_log.h — case 13: a service's log, kept in
// memory, one formatted line per record.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace servicelog {

// Appends the line "<level padded to 5> <message>" to the log.
void write(std::string_view level, std::string_view message);

// Every line written so far, oldest first.
std::vector<std::string> lines();

}  // namespace servicelog
