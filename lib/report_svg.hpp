#pragma once

#include "report_document.hpp"

#include <string>

namespace spark {

// The report's charts as inline SVG for the HTML page, drawn by spark: no script, no external
// resource, colours from the page's CSS classes (so they follow light, dark and print).
// All text is escaped.

// Bars of new people and a line of people involved, on one axis of whole people.
std::string growth_svg(const GrowthChart& chart);

// The spread network in generation columns, left to right, each person placed near the one
// who invited them.
std::string network_svg(const NetworkChart& chart);

} // namespace spark
