#pragma once

// Records built in memory for the unit tests of figures, the gauge and the report.

#include "figures.hpp"
#include "model.hpp"
#include "records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace fixtures {

using spark::Date;
using spark::Group;
using spark::Kind;
using spark::Role;

inline spark::Person person(std::string id, std::optional<Group> group, Date since,
                            std::string invited_by = "", std::vector<Role> roles = {}) {
    spark::Person p;
    p.path = "people/" + id + ".toml";
    p.name = id;
    p.id = std::move(id);
    p.group = group;
    p.since = since;
    p.invited_by = std::move(invited_by);
    p.roles = std::move(roles);
    return p;
}

inline spark::Entry entry(std::string id, Date date, Kind kind,
                          std::vector<std::string> people = {}, std::string effect = "") {
    spark::Entry e;
    e.id = std::move(id);
    e.date = date;
    e.kind = kind;
    e.title = e.id;
    e.people = std::move(people);
    e.effect = std::move(effect);
    return e;
}

inline spark::Meeting meeting(std::string id, Date date, std::vector<std::string> attendees,
                              std::vector<std::string> dilemmas = {},
                              std::vector<std::string> questions = {}) {
    spark::Meeting m;
    m.id = std::move(id);
    m.date = date;
    m.title = m.id;
    m.attendees = std::move(attendees);
    m.dilemmas = std::move(dilemmas);
    m.questions = std::move(questions);
    return m;
}

constexpr Date day(int month, int d) {
    return Date{2026, month, d};
}

inline const spark::Period june_to_november{day(6, 1), day(11, 30)};

// The figures of a period that has ended, seen from its last day.
inline spark::Figures figures_of(const spark::Records& records, spark::Period period,
                                 const spark::GaugeSettings& settings = {}) {
    return spark::compute_figures(records, settings, period, period.until);
}

} // namespace fixtures
