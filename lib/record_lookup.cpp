#include "record_lookup.hpp"

#include "people.hpp"
#include "text.hpp"

#include <fmt/format.h>

namespace spark {

const std::string& RecordRef::id() const {
    return entry ? entry->id : meeting ? meeting->id : person->id;
}

std::string_view RecordRef::type_name() const {
    return entry ? "entry" : meeting ? "meeting" : "person";
}

namespace {

// "2026-11-29-buurttafel-oost-k3m9" also answers to "buurttafel".
bool matches_prefix(const std::string& id, std::string_view query) {
    if (id.starts_with(query)) {
        return true;
    }
    constexpr std::size_t date_prefix = 11; // "2026-11-29-"
    return id.size() > date_prefix && id[4] == '-' && id[7] == '-' && id[10] == '-' &&
           std::string_view(id).substr(date_prefix).starts_with(query);
}

template <typename Record, typename Make>
void collect(const std::vector<Record>& records, std::string_view query, bool exact,
             std::vector<RecordRef>& out, Make make) {
    for (const auto& record : records) {
        if (exact ? record.id == query : matches_prefix(record.id, query)) {
            out.push_back(make(record));
        }
    }
}

std::vector<RecordRef> matches(const Records& records, std::string_view query, bool exact) {
    std::vector<RecordRef> out;
    collect(records.entries, query, exact, out, [](const Entry& e) { return RecordRef{&e}; });
    collect(records.meetings, query, exact, out, [](const Meeting& m) {
        return RecordRef{nullptr, &m};
    });
    collect(records.people, query, exact, out, [](const Person& p) {
        return RecordRef{nullptr, nullptr, &p};
    });
    return out;
}

} // namespace

RecordRef find_record(const Records& records, std::string_view query) {
    if (query.empty()) {
        throw UsageError("empty id");
    }
    auto found = matches(records, query, true);
    if (found.empty()) {
        found = matches(records, query, false);
    }
    if (found.size() == 1) {
        return found.front();
    }
    if (found.size() > 1) {
        std::string list;
        for (std::size_t i = 0; i < found.size() && i < 20; ++i) {
            list += fmt::format("\n  {} ({})", found[i].id(), found[i].type_name());
        }
        if (found.size() > 20) {
            list += fmt::format("\n  … and {} more", found.size() - 20);
        }
        throw Error(fmt::format("id '{}' is ambiguous; candidates:{}", query, list));
    }
    // Not an id: perhaps a person's name.
    auto person = lookup_person(records.people, query);
    if (person.person != nullptr) {
        return RecordRef{nullptr, nullptr, person.person};
    }
    if (person.ambiguous()) {
        throw Error(fmt::format("person '{}' is ambiguous; candidates:{}", query,
                                describe_candidates(person.candidates)));
    }
    std::vector<std::string> ids;
    for (const auto& e : records.entries) {
        ids.push_back(e.id);
    }
    for (const auto& m : records.meetings) {
        ids.push_back(m.id);
    }
    for (const auto& p : records.people) {
        ids.push_back(p.id);
    }
    auto close = close_matches(query, ids, 5);
    if (close.empty()) {
        throw Error(fmt::format("no record with id '{}'; 'spark list' shows the ids", query));
    }
    throw Error(
        fmt::format("no record with id '{}'; did you mean:\n  {}", query, join(close, "\n  ")));
}

} // namespace spark
