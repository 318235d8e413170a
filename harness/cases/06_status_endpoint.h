// harness/cases/06_status_endpoint.h — a status endpoint that renders its
// replies in pooled buffers.
#pragma once

#include <string>
#include <string_view>

namespace status {

// The reply to a request for `path`: "200 OK <path>".
std::string respond(std::string_view path);

}  // namespace status
