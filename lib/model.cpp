#include "model.hpp"

#include "text.hpp"

#include <algorithm>

namespace spark {

std::string_view name_of(Kind kind) {
    switch (kind) {
    case Kind::spark:
        return "spark";
    case Kind::oxygen:
        return "oxygen";
    case Kind::match:
        return "match";
    case Kind::fuel:
        return "fuel";
    case Kind::action:
        return "action";
    case Kind::poker:
        return "poker";
    }
    return "";
}

std::string_view name_of(Group group) {
    switch (group) {
    case Group::staff:
        return "staff";
    case Group::teamlead:
        return "teamlead";
    case Group::director:
        return "director";
    case Group::executive:
        return "executive";
    case Group::council:
        return "council";
    case Group::resident:
        return "resident";
    case Group::initiator:
        return "initiator";
    case Group::partner:
        return "partner";
    }
    return "";
}

std::string_view name_of(Role role) {
    switch (role) {
    case Role::spark:
        return "spark";
    case Role::poker:
        return "poker";
    case Role::critic:
        return "critic";
    case Role::innovator:
        return "innovator";
    }
    return "";
}

std::string_view name_of(Setting setting) {
    switch (setting) {
    case Setting::internal:
        return "internal";
    case Setting::external:
        return "external";
    case Setting::mixed:
        return "mixed";
    }
    return "";
}

template <typename Enum, std::size_t N>
static std::optional<Enum> find_by_name(const Enum (&values)[N], std::string_view name) {
    for (Enum value : values) {
        if (name_of(value) == name) {
            return value;
        }
    }
    return std::nullopt;
}

std::optional<Kind> kind_from_name(std::string_view name) {
    return find_by_name(all_kinds, name);
}
namespace {

template <typename Enum>
struct Alias {
    std::string_view alias;
    Enum value;
};

// Dutch words for the values, so "--group inwoner" works as the report speaks of "inwoners".
constexpr Alias<Group> dutch_group_aliases[] = {
    {"medewerker", Group::staff},    {"teamleider", Group::teamlead},
    {"directeur", Group::director},  {"bestuurder", Group::executive},
    {"wethouder", Group::executive}, {"burgemeester", Group::executive},
    {"raadslid", Group::council},    {"inwoner", Group::resident},
    {"bewoner", Group::resident},    {"initiatiefnemer", Group::initiator},
};
constexpr Alias<Role> dutch_role_aliases[] = {
    {"vonk", Role::spark},
    {"pook", Role::poker},
    {"criticus", Role::critic},
    {"vernieuwer", Role::innovator},
};
constexpr Alias<Setting> dutch_setting_aliases[] = {
    {"intern", Setting::internal},
    {"extern", Setting::external},
    {"gemengd", Setting::mixed},
};

template <typename Enum, std::size_t N, std::size_t M>
std::optional<Enum> find_by_name_or_alias(const Enum (&values)[N], const Alias<Enum> (&aliases)[M],
                                          std::string_view text) {
    const std::string folded = fold_for_matching(text);
    if (auto value = find_by_name(values, folded)) {
        return value;
    }
    for (const auto& alias : aliases) {
        if (alias.alias == folded) {
            return alias.value;
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<Group> group_from_name(std::string_view name) {
    return find_by_name_or_alias(all_groups, dutch_group_aliases, name);
}
std::optional<Role> role_from_name(std::string_view name) {
    return find_by_name_or_alias(all_roles, dutch_role_aliases, name);
}
std::optional<Setting> setting_from_name(std::string_view name) {
    return find_by_name_or_alias(all_settings, dutch_setting_aliases, name);
}

namespace {
struct KindAlias {
    std::string_view alias;
    Kind kind;
};
constexpr KindAlias dutch_kind_aliases[] = {
    {"vonk", Kind::spark},        {"zuurstof", Kind::oxygen}, {"lucifer", Kind::match},
    {"brandstof", Kind::fuel},    {"actie", Kind::action},    {"oppor-actie", Kind::action},
    {"opporactie", Kind::action}, {"pook", Kind::poker},
};
} // namespace

std::optional<Kind> kind_from_input(std::string_view text) {
    const std::string folded = fold_for_matching(text);
    if (auto kind = kind_from_name(folded)) {
        return kind;
    }
    for (const auto& alias : dutch_kind_aliases) {
        if (alias.alias == folded) {
            return alias.kind;
        }
    }
    return std::nullopt;
}

std::vector<std::string> kind_input_names() {
    std::vector<std::string> names;
    for (Kind kind : all_kinds) {
        names.emplace_back(name_of(kind));
    }
    for (const auto& alias : dutch_kind_aliases) {
        if (alias.alias != "opporactie") {
            names.emplace_back(alias.alias);
        }
    }
    return names;
}

bool is_outside(Group group) {
    return group == Group::resident || group == Group::initiator || group == Group::partner;
}

bool Person::has_role(Role role) const {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool Entry::operator==(const Entry& o) const {
    return id == o.id && date == o.date && kind == o.kind && title == o.title &&
           people == o.people && tags == o.tags && effect == o.effect && body == o.body;
}

bool Meeting::operator==(const Meeting& o) const {
    return id == o.id && date == o.date && title == o.title && setting == o.setting &&
           place == o.place && attendees == o.attendees && questions == o.questions &&
           dilemmas == o.dilemmas && outcomes == o.outcomes && followups == o.followups &&
           body == o.body;
}

bool Person::operator==(const Person& o) const {
    return id == o.id && name == o.name && group == o.group && roles == o.roles &&
           department == o.department && invited_by == o.invited_by && since == o.since &&
           is_public == o.is_public && note == o.note;
}

Setting setting_for_groups(const std::vector<std::optional<Group>>& groups) {
    bool inside = false;
    bool outside = false;
    for (const auto& group : groups) {
        if (group) {
            (is_outside(*group) ? outside : inside) = true;
        }
    }
    if (inside && outside) {
        return Setting::mixed;
    }
    return outside ? Setting::external : Setting::internal;
}

} // namespace spark
