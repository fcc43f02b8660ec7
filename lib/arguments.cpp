#include "arguments.hpp"

#include "error.hpp"
#include "text.hpp"

#include <fmt/format.h>
#include <unordered_set>

namespace spark {

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos;
}

void validate_text(std::string_view value, std::string_view what, bool required) {
    if (auto bad = find_invalid_utf8(value)) {
        throw UsageError(
            fmt::format("{} is not valid UTF-8 (byte {} of the text)", what, *bad + 1));
    }
    if (required && is_blank(value)) {
        throw UsageError(fmt::format("{} must not be empty", what));
    }
}

std::vector<std::string> without_repeats(const std::vector<std::string>& values) {
    std::vector<std::string> out;
    std::unordered_set<std::string_view> seen; // views into `values`
    for (const auto& value : values) {
        if (seen.insert(value).second) {
            out.push_back(value);
        }
    }
    return out;
}

Group group_argument(std::string_view text, std::string_view option) {
    validate_text(text, option, true);
    if (auto group = group_from_name(text)) {
        return *group;
    }
    throw UsageError(
        fmt::format("unknown group '{}' (expected one of: {})", text, join(group_ids(), ", ")));
}

} // namespace spark
