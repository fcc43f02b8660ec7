#include "involvement.hpp"

#include <functional>
#include <unordered_set>

namespace spark {

namespace {

struct Appearance {
    Date first_record;
    bool seen = false;
};

void note(std::unordered_map<std::string, Appearance>& seen, const std::string& id,
          const Date& date) {
    auto& a = seen[id];
    if (!a.seen || date < a.first_record) {
        a.first_record = date;
        a.seen = true;
    }
}

} // namespace

InvolvementMap first_involvement(const Records& records) {
    std::unordered_map<std::string, Appearance> appearances;
    for (const auto& entry : records.entries) {
        for (const auto& id : entry.people) {
            note(appearances, id, entry.date);
        }
    }
    for (const auto& meeting : records.meetings) {
        for (const auto& id : meeting.attendees) {
            note(appearances, id, meeting.date);
        }
    }

    InvolvementMap result;
    for (const auto& person : records.people) {
        Involvement inv;
        inv.first = person.since;
        auto found = appearances.find(person.id);
        if (found != appearances.end()) {
            const Date first_record = found->second.first_record;
            inv.first_record = first_record;
            inv.before_since = person.since.valid() && first_record < person.since;
            if (!person.since.valid() || first_record < person.since) {
                inv.first = first_record;
            }
        }
        result.emplace(person.id, inv);
    }
    // Meetings come sorted by id, so the first match on a day is the first by id.
    for (const auto& meeting : records.meetings) {
        for (const auto& id : meeting.attendees) {
            auto found = result.find(id);
            if (found != result.end() && found->second.first == meeting.date &&
                found->second.first_meeting.empty()) {
                found->second.first_meeting = meeting.id;
            }
        }
    }
    return result;
}

std::unordered_map<std::string, int> generations(const Records& records) {
    std::unordered_map<std::string, const Person*> by_id;
    for (const auto& person : records.people) {
        by_id.emplace(person.id, &person);
    }
    std::unordered_map<std::string, int> generation;
    std::unordered_set<std::string> visiting; // guards against invited_by cycles
    std::function<int(const Person&)> of = [&](const Person& person) -> int {
        if (auto found = generation.find(person.id); found != generation.end()) {
            return found->second;
        }
        int value = 1; // joined without a recorded inviter: reached by the fire somehow
        if (person.has_role(Role::spark)) {
            value = 0;
        } else if (auto inviter = by_id.find(person.invited_by);
                   inviter != by_id.end() && visiting.insert(person.id).second) {
            value = of(*inviter->second) + 1;
            visiting.erase(person.id);
        }
        generation[person.id] = value;
        return value;
    };
    for (const auto& person : records.people) {
        of(person);
    }
    return generation;
}

std::vector<std::string> newcomers(const Meeting& meeting, const InvolvementMap& involvement) {
    std::vector<std::string> out;
    for (const auto& id : meeting.attendees) {
        auto found = involvement.find(id);
        if (found != involvement.end() && found->second.first_meeting == meeting.id) {
            out.push_back(id);
        }
    }
    return out;
}

} // namespace spark
