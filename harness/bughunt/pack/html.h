// harness/bughunt/pack/html.h — text made safe for HTML, and the pack's
// templates filled in.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace bughunt {

// `text` with &, <, >, " and ' escaped: safe inside an element or a quoted
// attribute. The programs hold `<` and `&`; every text a page takes from a
// file goes through here.
std::string escape(std::string_view text);

// `page` with every {{name}} replaced by values.at(name), which must already
// be HTML. Throws std::runtime_error naming a placeholder without a value, so
// a template and its filler cannot drift apart in silence.
std::string fill(std::string_view page, const std::map<std::string, std::string>& values);

}  // namespace bughunt
