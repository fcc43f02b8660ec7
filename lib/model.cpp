#include "model.hpp"

#include <algorithm>

namespace spark {

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
           is_public == o.is_public && note == o.note && name_hashes == o.name_hashes;
}

bool Person::is_forgotten() const {
    return id.starts_with("forgotten-") || !name_hashes.empty();
}

Setting setting_of(const Meeting& meeting, const std::vector<Person>& people) {
    if (meeting.setting) {
        return *meeting.setting;
    }
    std::vector<std::optional<Group>> groups;
    for (const auto& id : meeting.attendees) {
        auto found =
            std::lower_bound(people.begin(), people.end(), id,
                             [](const Person& p, const std::string& i) { return p.id < i; });
        if (found != people.end() && found->id == id) {
            groups.push_back(found->group);
        }
    }
    return setting_for_groups(groups);
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
