#include "people_set.hpp"

#include "arguments.hpp"
#include "error.hpp"
#include "people.hpp"
#include "text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>
#include <unordered_set>

namespace spark {

namespace {

Role parse_role(const std::string& text) {
    auto role = role_from_name(text);
    if (!role) {
        throw UsageError(
            fmt::format("unknown role '{}' (expected one of: {})", text, join(role_ids(), ", ")));
    }
    return *role;
}

std::string roles_text(const std::vector<Role>& roles) {
    std::vector<std::string> names;
    for (Role role : roles) {
        names.emplace_back(name_of(role));
    }
    return names.empty() ? "(none)" : join(names, ", ");
}

std::string or_none(const std::string& text) {
    return text.empty() ? "(none)" : text;
}

} // namespace

bool PersonChanges::empty() const {
    return !name && !group && !roles && add_roles.empty() && remove_roles.empty() && !invited_by &&
           !since && !department && !make_public && !make_private;
}

std::vector<std::string> invitation_cycle(const std::vector<Person>& people,
                                          const std::string& person, const std::string& inviter) {
    std::unordered_map<std::string, const Person*> by_id;
    for (const auto& p : people) {
        by_id.emplace(p.id, &p);
    }
    std::vector<std::string> chain{person, inviter};
    std::unordered_set<std::string> seen{inviter};
    std::string current = inviter;
    while (true) {
        if (current == person) {
            return chain;
        }
        auto found = by_id.find(current);
        if (found == by_id.end() || found->second->invited_by.empty()) {
            return {};
        }
        current = found->second->invited_by;
        if (!seen.insert(current).second) { // a cycle already there, not through `person`
            return {};
        }
        chain.push_back(current);
    }
}

PersonSet plan_person_set(const std::vector<Person>& people, const Person& person,
                          const PersonChanges& changes, const Date& today) {
    if (changes.empty()) {
        throw UsageError("nothing to change; name a field to set, e.g. --group, --role, "
                         "--invited-by, --since, --department, --public, --name");
    }
    if (changes.roles && (!changes.add_roles.empty() || !changes.remove_roles.empty())) {
        throw UsageError("--role sets all roles; it cannot be combined with --add-role or "
                         "--remove-role");
    }
    if (changes.make_public && changes.make_private) {
        throw UsageError("--public and --private cannot be combined");
    }
    PersonSet result;
    Person after = person;
    if (changes.name) {
        validate_text(*changes.name, "--name", true);
        after.name = *changes.name;
    }
    if (changes.group) {
        validate_text(*changes.group, "--group", false);
        if (is_blank(*changes.group)) {
            after.group.reset();
        } else {
            after.group = group_argument(*changes.group, "--group");
        }
    }
    if (changes.roles) {
        after.roles.clear();
        for (const auto& text : without_repeats(*changes.roles)) {
            if (is_blank(text)) {
                continue; // --role '' clears the roles
            }
            Role role = parse_role(text);
            if (!after.has_role(role)) {
                after.roles.push_back(role);
            }
        }
    }
    for (const auto& text : changes.add_roles) {
        Role role = parse_role(text);
        if (!after.has_role(role)) {
            after.roles.push_back(role);
        }
    }
    for (const auto& text : changes.remove_roles) {
        Role role = parse_role(text);
        after.roles.erase(std::remove(after.roles.begin(), after.roles.end(), role),
                          after.roles.end());
    }
    if (changes.department) {
        validate_text(*changes.department, "--department", false);
        after.department = is_blank(*changes.department) ? "" : *changes.department;
    }
    if (changes.since) {
        validate_text(*changes.since, "--since", false);
        after.since = is_blank(*changes.since)
                          ? Date{}
                          : parse_date_argument(*changes.since, today, "--since");
    }
    if (changes.make_public || changes.make_private) {
        after.is_public = changes.make_public;
    }
    if (changes.invited_by) {
        validate_text(*changes.invited_by, "--invited-by", false);
        if (is_blank(*changes.invited_by)) {
            after.invited_by.clear();
        } else {
            const Person& inviter = resolve_person(people, *changes.invited_by);
            if (inviter.id == person.id) {
                throw Error(fmt::format("{} cannot have invited themselves; nothing was changed",
                                        person.id));
            }
            auto cycle = invitation_cycle(people, person.id, inviter.id);
            if (!cycle.empty()) {
                throw Error(fmt::format("'invited_by' would form a cycle: {}; nothing was "
                                        "changed",
                                        join(cycle, " -> ")));
            }
            after.invited_by = inviter.id;
        }
    }

    auto note = [&](std::string field, std::string before, std::string now) {
        if (before != now) {
            result.changes.push_back({std::move(field), std::move(before), std::move(now)});
        }
    };
    note("name", person.name, after.name);
    note("group", person.group ? std::string(name_of(*person.group)) : "(none)",
         after.group ? std::string(name_of(*after.group)) : "(none)");
    note("roles", roles_text(person.roles), roles_text(after.roles));
    note("department", or_none(person.department), or_none(after.department));
    note("invited_by", or_none(person.invited_by), or_none(after.invited_by));
    note("since", or_none(iso_or_empty(person.since)), or_none(iso_or_empty(after.since)));
    note("public", person.is_public ? "true" : "false", after.is_public ? "true" : "false");
    result.after = std::move(after);
    return result;
}

} // namespace spark
