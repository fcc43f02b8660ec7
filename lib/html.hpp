#pragma once

#include <string>
#include <string_view>

namespace spark {

// Text made inert for an HTML page, in element content and in quoted attribute values alike:
// & < > " ' as entities, control characters (and Unicode line separators) as spaces, runs of
// white space as one space, so user text stays one line of text whatever it holds.
std::string html_text(std::string_view text);

// spark's own words for an HTML page: the same entities, spaces kept as they are.
std::string html_escape(std::string_view text);

} // namespace spark
