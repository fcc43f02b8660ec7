#pragma once

#include "analysis.hpp"
#include "config.hpp"
#include "i18n.hpp"
#include "names.hpp"

#include <string>

namespace spark {

// The few lines of `spark status`: state, people, last activity, top signals.
// `color` adds ANSI colours for a terminal. People and titles are named with `names`, as in
// the report: status output is mailed and pasted.
std::string render_status(const Config& config, const Analysis& analysis, const DisplayNames& names,
                          Language language, bool color, std::size_t max_signals = 3);

} // namespace spark
