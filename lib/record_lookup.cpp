#include "record_lookup.hpp"

#include "people.hpp"
#include "text.hpp"

#include <algorithm>
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

enum class Rule { exact_id, id_prefix, short_id, title_words };

// The last part of an id, its random suffix ("k3m9"), as `list` shows it on a terminal.
std::string_view id_suffix(std::string_view id) {
    const auto dash = id.rfind('-');
    return dash == std::string_view::npos ? id : id.substr(dash + 1);
}

// Every word of the query somewhere in the title, ignoring case, accents and spacing.
bool title_has_words(const std::string& title, const std::vector<std::string>& words) {
    const std::string folded = fold_name(title);
    return !words.empty() && std::all_of(words.begin(), words.end(), [&](const std::string& w) {
        return folded.find(w) != std::string::npos;
    });
}

std::vector<RecordRef> matches(const Records& records, std::string_view query, Rule rule) {
    std::vector<std::string> words;
    if (rule == Rule::title_words) {
        const std::string folded = fold_name(query);
        for (std::size_t at = 0; at < folded.size();) {
            const std::size_t end = std::min(folded.find(' ', at), folded.size());
            words.push_back(folded.substr(at, end - at));
            at = end + 1;
        }
    }
    auto hit = [&](const std::string& id, const std::string* title) {
        switch (rule) {
        case Rule::exact_id:
            return id == query;
        case Rule::id_prefix:
            return matches_prefix(id, query);
        case Rule::short_id:
            return id_suffix(id) == query;
        case Rule::title_words:
            return title != nullptr && title_has_words(*title, words);
        }
        return false;
    };
    std::vector<RecordRef> out;
    for (const auto& e : records.entries) {
        if (hit(e.id, &e.title)) {
            out.push_back(RecordRef{&e});
        }
    }
    for (const auto& m : records.meetings) {
        if (hit(m.id, &m.title)) {
            out.push_back(RecordRef{nullptr, &m});
        }
    }
    for (const auto& p : records.people) {
        if (hit(p.id, nullptr)) {
            out.push_back(RecordRef{nullptr, nullptr, &p});
        }
    }
    return out;
}

std::string describe(const std::vector<RecordRef>& found) {
    std::string list;
    for (std::size_t i = 0; i < found.size() && i < 20; ++i) {
        const RecordRef& r = found[i];
        const std::string& title = r.entry     ? r.entry->title
                                   : r.meeting ? r.meeting->title
                                               : r.person->name;
        list += fmt::format("\n  {} ({}: {})", r.id(), r.type_name(), single_line(title));
    }
    if (found.size() > 20) {
        list += fmt::format("\n  … and {} more", found.size() - 20);
    }
    return list;
}

} // namespace

RecordRef find_record(const Records& records, std::string_view query) {
    if (query.empty()) {
        throw UsageError("empty id");
    }
    for (Rule rule : {Rule::exact_id, Rule::id_prefix, Rule::short_id}) {
        const auto found = matches(records, query, rule);
        if (found.size() == 1) {
            return found.front();
        }
        if (found.size() > 1) {
            throw Error(fmt::format("id '{}' is ambiguous; candidates:{}", query, describe(found)));
        }
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
    // Or words of a title: "spark show schoolplein".
    const auto titled = matches(records, query, Rule::title_words);
    if (titled.size() == 1) {
        return titled.front();
    }
    if (titled.size() > 1) {
        throw Error(fmt::format("'{}' is in the title of {} records; candidates:{}", query,
                                titled.size(), describe(titled)));
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
        throw NoSuchRecord(fmt::format("no record with id '{}' and no title with these words; "
                                       "'spark list' shows the ids",
                                       query));
    }
    throw NoSuchRecord(
        fmt::format("no record with id '{}'; did you mean:\n  {}", query, join(close, "\n  ")));
}

} // namespace spark
