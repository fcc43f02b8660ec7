#include "report_svg.hpp"

#include "html.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <numeric>

namespace spark {

namespace {

// A step of 1, 2 or 5 times a power of ten that gives at most six ticks up to `largest`.
int tick_step(int largest) {
    for (int scale = 1;; scale *= 10) {
        for (int step : {1, 2, 5}) {
            if (largest <= step * scale * 6) {
                return step * scale;
            }
        }
    }
}

std::string number(double value) {
    return fmt::format("{:.1f}", value);
}

// Text at most `limit` characters (code points) long, with an ellipsis when cut.
std::string shortened(const std::string& text, std::size_t limit) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && count++ == limit - 1 &&
            text.size() - i > 3) {
            return text.substr(0, i) + "…";
        }
    }
    return text;
}

std::size_t code_points(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

} // namespace

std::string growth_svg(const GrowthChart& chart) {
    constexpr double width = 720;
    constexpr double height = 300;
    constexpr double left = 44;
    constexpr double right = 12;
    constexpr double top = 40;
    constexpr double bottom = 36;
    const double plot_width = width - left - right;
    const double plot_height = height - top - bottom;
    const std::size_t n = std::max<std::size_t>(chart.points.size(), 1);

    int largest = 0;
    for (const auto& p : chart.points) {
        largest = std::max({largest, p.people, p.new_people});
    }
    const int step = tick_step(std::max(largest, 5));
    const int axis_top = std::max(step, (largest + step - 1) / step * step);
    const auto y = [&](double value) {
        return top + plot_height * (1 - value / axis_top);
    };
    const double band = plot_width / static_cast<double>(n);
    const auto centre = [&](std::size_t i) {
        return left + band * (static_cast<double>(i) + 0.5);
    };

    std::string svg = fmt::format(
        "<svg class=\"chart growth\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" "
        "role=\"img\" aria-label=\"{2}\">\n"
        "<text class=\"chart-title\" x=\"{3}\" y=\"22\">{2}</text>\n",
        width, height, html_text(chart.title), left);
    svg +=
        fmt::format("<text class=\"axis-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                    number(width - right), 22, html_text(chart.axis));
    for (int tick = 0; tick <= axis_top; tick += step) {
        svg += fmt::format(
            "<line class=\"grid\" x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\"/>"
            "<text class=\"tick\" x=\"{3}\" y=\"{4}\" text-anchor=\"end\">{5}</text>\n",
            left, number(width - right), number(y(tick)), left - 6, number(y(tick) + 4), tick);
    }
    const bool values = chart.points.size() <= 24;
    const double bar_width = std::max(1.0, band * 0.64);
    for (std::size_t i = 0; i < chart.points.size(); ++i) {
        const auto& p = chart.points[i];
        const double bar_top = y(p.new_people);
        svg += fmt::format("<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                           number(centre(i) - bar_width / 2), number(bar_top), number(bar_width),
                           number(top + plot_height - bar_top));
        if (values && p.new_people > 0) {
            // Inside the bar when it has room, so the line passing over it stays clear.
            const bool inside = top + plot_height - bar_top >= 18;
            svg += fmt::format("<text class=\"{}\" x=\"{}\" y=\"{}\" "
                               "text-anchor=\"middle\">{}</text>",
                               inside ? "value inside" : "value", number(centre(i)),
                               number(inside ? bar_top + 13 : bar_top - 4), p.new_people);
        }
        if (!p.label.empty()) {
            svg += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\" "
                               "text-anchor=\"middle\">{}</text>",
                               number(centre(i)), number(height - bottom + 18), html_text(p.label));
        }
        svg += "\n";
    }
    std::vector<std::string> line;
    for (std::size_t i = 0; i < chart.points.size(); ++i) {
        line.push_back(number(centre(i)) + "," + number(y(chart.points[i].people)));
    }
    if (!line.empty()) {
        std::string joined;
        for (const auto& point : line) {
            joined += (joined.empty() ? "" : " ") + point;
        }
        svg += fmt::format("<polyline class=\"line\" points=\"{}\"/>\n", joined);
        if (chart.points.size() <= 40) {
            for (std::size_t i = 0; i < chart.points.size(); ++i) {
                svg += fmt::format("<circle class=\"dot\" cx=\"{}\" cy=\"{}\" r=\"3\"/>",
                                   number(centre(i)), number(y(chart.points[i].people)));
            }
            svg += "\n";
        }
    }
    svg += fmt::format("<line class=\"axis\" x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\"/>\n", left,
                       number(width - right), number(top + plot_height));
    return svg + "</svg>";
}

std::string network_svg(const NetworkChart& chart) {
    constexpr double box_height = 26;
    constexpr double pitch = 34; // from one row to the next
    constexpr double gap = 44;   // between columns
    constexpr double margin = 8;
    constexpr double heading = 24; // room for the column headings
    constexpr double char_width = 7.2;
    constexpr std::size_t max_chars = 26;

    const std::size_t n = chart.nodes.size();
    std::vector<std::size_t> inviter(n, n);
    for (const auto& edge : chart.edges) {
        if (edge.to < n && edge.from < n) {
            inviter[edge.to] = edge.from;
        }
    }
    // Columns by generation; within a column, people near the row of their inviter.
    std::map<int, std::vector<std::size_t>> columns;
    for (std::size_t i = 0; i < n; ++i) {
        columns[chart.nodes[i].generation].push_back(i);
    }
    std::vector<double> row(n, 0);
    for (auto& [generation, members] : columns) {
        std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
            const double ra = inviter[a] < n ? row[inviter[a]] : -1;
            const double rb = inviter[b] < n ? row[inviter[b]] : -1;
            return ra < rb;
        });
        for (std::size_t r = 0; r < members.size(); ++r) {
            row[members[r]] = static_cast<double>(r);
        }
    }
    std::size_t rows = 0;
    std::vector<double> column_x;
    std::vector<double> column_width;
    std::map<int, std::size_t> column_of;
    double x = margin;
    for (const auto& [generation, members] : columns) {
        std::size_t chars = 8;
        for (std::size_t i : members) {
            chars = std::max(chars, std::min(max_chars, code_points(chart.nodes[i].label)));
        }
        column_of[generation] = column_x.size();
        column_x.push_back(x);
        column_width.push_back(static_cast<double>(chars) * char_width + 20);
        x += column_width.back() + gap;
        rows = std::max(rows, members.size());
    }
    const double width = std::max(x - gap + margin, 200.0);
    const double height = heading + static_cast<double>(rows) * pitch + margin;
    const auto box_x = [&](std::size_t i) {
        return column_x[column_of[chart.nodes[i].generation]];
    };
    const auto box_w = [&](std::size_t i) {
        return column_width[column_of[chart.nodes[i].generation]];
    };
    const auto box_y = [&](std::size_t i) {
        return heading + row[i] * pitch;
    };

    std::string svg = fmt::format("<svg class=\"chart network\" viewBox=\"0 0 {0} {1}\" "
                                  "width=\"{0}\" height=\"{1}\" role=\"img\">\n",
                                  number(width), number(height));
    for (const auto& [generation, index] : column_of) {
        if (generation >= 0 && static_cast<std::size_t>(generation) < chart.generations.size()) {
            svg += fmt::format("<text class=\"tick\" x=\"{}\" y=\"14\">{}</text>\n",
                               number(column_x[index]),
                               html_text(chart.generations[static_cast<std::size_t>(generation)]));
        }
    }
    for (const auto& edge : chart.edges) {
        if (edge.from >= n || edge.to >= n) {
            continue;
        }
        const double x1 = box_x(edge.from) + box_w(edge.from);
        const double y1 = box_y(edge.from) + box_height / 2;
        const double x2 = box_x(edge.to);
        const double y2 = box_y(edge.to) + box_height / 2;
        const double middle = (x1 + x2) / 2;
        svg += fmt::format("<path class=\"edge\" d=\"M{} {} C{} {} {} {} {} {}\"/>\n", number(x1),
                           number(y1), number(middle), number(y1), number(middle), number(y2),
                           number(x2), number(y2));
    }
    for (std::size_t i = 0; i < n; ++i) {
        const auto& node = chart.nodes[i];
        const char* kind = node.core ? "node core" : node.outside ? "node outside" : "node";
        const std::string label = shortened(node.label, max_chars);
        svg += fmt::format("<g class=\"{}\"><title>{}</title>"
                           "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\"/>"
                           "<text x=\"{}\" y=\"{}\">{}</text></g>\n",
                           kind, html_text(node.label), number(box_x(i)), number(box_y(i)),
                           number(box_w(i)), box_height, number(box_x(i) + 10),
                           number(box_y(i) + 17), html_text(label));
    }
    return svg + "</svg>";
}

} // namespace spark
