#pragma once

#include "config.hpp"
#include "figures.hpp"
#include "gauge.hpp"
#include "i18n.hpp"

#include <string>

namespace spark {

// The few lines of `spark status`: state, people, last activity, top signals.
// `color` adds ANSI colours for a terminal.
std::string render_status(const Config& config, const Figures& figures, const Gauge& gauge,
                          Language language, bool color, std::size_t max_signals = 3);

} // namespace spark
