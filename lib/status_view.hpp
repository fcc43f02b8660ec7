#pragma once

#include "analysis.hpp"
#include "config.hpp"
#include "i18n.hpp"

#include <string>

namespace spark {

// The few lines of `spark status`: state, people, last activity, top signals.
// `color` adds ANSI colours for a terminal.
// People and titles follow the report's default privacy: outside people by group and number.
std::string render_status(const Config& config, const Records& records, const Analysis& analysis,
                          Language language, bool color, std::size_t max_signals = 3);

} // namespace spark
