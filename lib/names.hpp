#pragma once

#include "figures.hpp"
#include "i18n.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace spark {

// Who is named in a report. inside (the default): people of the organisation by name,
// people from outside (and people without a group) by group and number unless public;
// all: everyone by name; none: everyone by group and number.
enum class NamesMode { all, inside, none };

std::optional<NamesMode> names_mode_from_name(std::string_view name);

// The label a report shows for each person id: "Anna de Vries" or "inwoner 2". Numbers
// follow the order of first involvement, so they stay stable as the workspace grows.
class DisplayNames {
  public:
    DisplayNames(const Records& records, const Figures& figures, Language language, NamesMode mode);
    std::string operator()(const std::string& id) const;

  private:
    std::unordered_map<std::string, std::string> labels_;
    std::string unknown_;
};

} // namespace spark
