#pragma once

#include "config.hpp"
#include "figures.hpp"
#include "gauge.hpp"
#include "i18n.hpp"
#include "names.hpp"

#include <string>

namespace spark {

// The few lines of `spark status`: state, people, last activity, top signals.
// `color` adds ANSI colours for a terminal. Titles are redacted with `names`, as in the
// report: status output is mailed and pasted.
std::string render_status(const Config& config, const Figures& figures, const Gauge& gauge,
                          const DisplayNames& names, Language language, bool color,
                          std::size_t max_signals = 3);

} // namespace spark
