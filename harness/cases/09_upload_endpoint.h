// harness/cases/09_upload_endpoint.h — an upload endpoint that reads each
// request body and answers with what arrived.
#pragma once

#include <istream>
#include <string>

namespace uploads {

struct Response {
  int status = 0;  // HTTP status code
  std::string message;
};

// Reads the request body from `body` and answers, for instance,
// {200, "received 23 bytes, 2 lines"}.
Response receive(std::istream& body);

}  // namespace uploads
