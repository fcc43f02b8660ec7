#include "people_edit.hpp"

#include "check.hpp"
#include "error.hpp"
#include "record_reader.hpp"
#include "record_writer.hpp"
#include "text.hpp"
#include "workspace.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <fmt/format.h>
#include <set>
#include <unordered_map>

namespace spark {

namespace {

// ---- SHA-256 (FIPS 180-4) ----

constexpr std::array<std::uint32_t, 64> sha_k = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

std::uint32_t rotate_right(std::uint32_t x, int n) {
    return (x >> n) | (x << (32 - n));
}

void sha_block(std::array<std::uint32_t, 8>& h, const unsigned char* block) {
    std::array<std::uint32_t, 64> w{};
    for (int i = 0; i < 16; ++i) {
        w[i] = std::uint32_t(block[4 * i]) << 24 | std::uint32_t(block[4 * i + 1]) << 16 |
               std::uint32_t(block[4 * i + 2]) << 8 | std::uint32_t(block[4 * i + 3]);
    }
    for (int i = 16; i < 64; ++i) {
        const std::uint32_t s0 =
            rotate_right(w[i - 15], 7) ^ rotate_right(w[i - 15], 18) ^ (w[i - 15] >> 3);
        const std::uint32_t s1 =
            rotate_right(w[i - 2], 17) ^ rotate_right(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    auto [a, b, c, d, e, f, g, hh] = h;
    for (int i = 0; i < 64; ++i) {
        const std::uint32_t s1 = rotate_right(e, 6) ^ rotate_right(e, 11) ^ rotate_right(e, 25);
        const std::uint32_t choice = (e & f) ^ (~e & g);
        const std::uint32_t t1 = hh + s1 + choice + sha_k[i] + w[i];
        const std::uint32_t s0 = rotate_right(a, 2) ^ rotate_right(a, 13) ^ rotate_right(a, 22);
        const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
        const std::uint32_t t2 = s0 + majority;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    const std::array<std::uint32_t, 8> add = {a, b, c, d, e, f, g, hh};
    for (int i = 0; i < 8; ++i) {
        h[i] += add[i];
    }
}

// ---- keeping hand formatting: replacing one id token in place ----

bool is_plain_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.';
    });
}

// Byte offsets where the value at `pos` may start: toml++ counts columns in code points,
// other readers in bytes; the token itself tells which one is right.
std::vector<std::size_t> offsets_of(std::string_view bytes, SourcePos pos) {
    if (pos.line == 0 || pos.column == 0) {
        return {};
    }
    std::size_t start = 0;
    for (std::uint32_t line = 1; line < pos.line; ++line) {
        start = bytes.find('\n', start);
        if (start == std::string_view::npos) {
            return {};
        }
        ++start;
    }
    std::vector<std::size_t> out{start + pos.column - 1};
    std::size_t at = start;
    for (std::uint32_t column = 1; column < pos.column && at < bytes.size(); ++column) {
        ++at;
        while (at < bytes.size() && (static_cast<unsigned char>(bytes[at]) & 0xC0) == 0x80) {
            ++at;
        }
    }
    if (at != out.front()) {
        out.push_back(at);
    }
    return out;
}

// Length of the string token at `at` if it spells exactly `id` ("id" or 'id', not a
// multi-line string), else 0.
std::size_t token_length(std::string_view bytes, std::size_t at, std::string_view id) {
    if (at >= bytes.size() || (bytes[at] != '"' && bytes[at] != '\'')) {
        return 0;
    }
    const char quote = bytes[at];
    const std::size_t length = id.size() + 2;
    if (at + length > bytes.size() || bytes.substr(at + 1, id.size()) != id ||
        bytes[at + length - 1] != quote) {
        return 0;
    }
    return length;
}

// The file with each token at `positions` (each spelling `from`) replaced by `to`, keeping
// every other byte; nullopt when a token cannot be found safely.
std::optional<std::string> replace_tokens(std::string bytes,
                                          const std::vector<SourcePos>& positions,
                                          const std::string& from, const std::string& to) {
    if (positions.empty() || !is_plain_id(from) || !is_plain_id(to)) {
        return std::nullopt;
    }
    std::vector<std::size_t> starts;
    for (const auto& pos : positions) {
        bool found = false;
        for (std::size_t at : offsets_of(bytes, pos)) {
            if (token_length(bytes, at, from) > 0) {
                starts.push_back(at);
                found = true;
                break;
            }
        }
        if (!found) {
            return std::nullopt;
        }
    }
    std::sort(starts.rbegin(), starts.rend());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    for (std::size_t at : starts) {
        bytes.replace(at + 1, from.size(), to);
    }
    return bytes;
}

// ---- the rewrite itself ----

// `ids` with `from` replaced by `to`, and `to` listed once.
std::vector<std::string> substitute(const std::vector<std::string>& ids, const std::string& from,
                                    const std::string& to) {
    std::vector<std::string> out;
    bool have_to = false;
    for (const auto& id : ids) {
        const std::string& value = id == from ? to : id;
        if (value == to) {
            if (have_to) {
                continue;
            }
            have_to = true;
        }
        out.push_back(value);
    }
    return out;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::vector<SourcePos> positions_of(const std::vector<std::string>& ids,
                                    const std::vector<SourcePos>& positions,
                                    const std::string& id) {
    std::vector<SourcePos> out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (ids[i] == id) {
            if (i >= positions.size()) {
                return {};
            }
            out.push_back(positions[i]);
        }
    }
    return out;
}

// KEEP's own fields, with the empty ones filled from `other` (not name, public or
// invited_by: the caller decides those).
Person absorb(Person keep, const Person& other) {
    if (!keep.group) {
        keep.group = other.group;
    }
    for (Role role : other.roles) {
        if (!keep.has_role(role)) {
            keep.roles.push_back(role);
        }
    }
    if (keep.department.empty()) {
        keep.department = other.department;
    }
    if (keep.note.empty()) {
        keep.note = other.note;
    }
    if (other.since.valid() && (!keep.since.valid() || other.since < keep.since)) {
        keep.since = other.since;
    }
    return keep;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    if (from.empty()) {
        return text;
    }
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

class Planner {
  public:
    Planner(const Records& records, const FileSource& source)
        : records_(records), source_(source) {}

    // Rewrites every reference to `from` as `to.id`, stores `to` (new or changed), removes
    // `from`'s file. `to_is_new`: `to` has no file yet.
    PeopleEdit plan(const Person& from, Person to, bool to_is_new) {
        PeopleEdit result;
        result.from_id = from.id;
        result.to_id = to.id;
        Records after = records_;

        if (to.invited_by == from.id || to.invited_by == to.id) {
            to.invited_by.clear();
        }
        const Person* old_to = nullptr;
        std::erase_if(after.people, [&](const Person& p) { return p.id == from.id; });
        for (auto& person : after.people) {
            if (person.id == to.id) {
                old_to = find_person(to.id);
                person = to;
            }
        }
        if (to_is_new) {
            to.path = std::string(people_dir) + "/" + to.id + ".toml";
            after.people.push_back(to);
            FileWrite write{to.path, emit_person(to), std::nullopt, false};
            verify_person(write.bytes, to);
            result.edit.writes.push_back(std::move(write));
        } else if (!(*old_to == to)) {
            result.edit.writes.push_back(
                rewrite(*old_to, to, {}, from.id, emit_person, read_person));
        }

        for (auto& entry : after.entries) {
            if (contains(entry.people, from.id)) {
                const Entry before = entry;
                entry.people = substitute(before.people, from.id, to.id);
                result.references += 1;
                result.edit.writes.push_back(rewrite(
                    before, entry,
                    surgical_positions(before.people, entry.people, before.people_pos, from.id),
                    from.id, emit_entry, read_entry, to.id));
            }
        }
        for (auto& meeting : after.meetings) {
            if (contains(meeting.attendees, from.id)) {
                const Meeting before = meeting;
                meeting.attendees = substitute(before.attendees, from.id, to.id);
                result.references += 1;
                result.edit.writes.push_back(
                    rewrite(before, meeting,
                            surgical_positions(before.attendees, meeting.attendees,
                                               before.attendees_pos, from.id),
                            from.id, emit_meeting, read_meeting, to.id));
            }
        }
        for (auto& person : after.people) {
            if (person.id != to.id && person.invited_by == from.id) {
                const Person before = person;
                person.invited_by = to.id;
                result.references += 1;
                result.edit.writes.push_back(rewrite(before, person, {before.invited_by_pos},
                                                     from.id, emit_person, read_person, to.id));
            }
        }
        result.edit.removals.push_back(from.path);

        refuse_new_problems(after, from, to);
        return result;
    }

    const Person* find_person(const std::string& id) const {
        for (const auto& person : records_.people) {
            if (person.id == id) {
                return &person;
            }
        }
        return nullptr;
    }

    // Would `person.invited_by = inviter` close a cycle, with `from` gone and named `to`?
    bool would_cycle(const std::string& person, std::string inviter, const std::string& from,
                     const std::string& to) const {
        std::set<std::string> seen;
        while (!inviter.empty() && seen.insert(inviter).second) {
            if (inviter == from) {
                inviter = to;
            }
            if (inviter == person) {
                return true;
            }
            const Person* next = find_person(inviter);
            inviter = next == nullptr ? "" : next->invited_by;
        }
        return false;
    }

  private:
    // Positions of the tokens to replace in place, or none when the list also loses an
    // element (then the record is rendered anew).
    static std::vector<SourcePos> surgical_positions(const std::vector<std::string>& before,
                                                     const std::vector<std::string>& after,
                                                     const std::vector<SourcePos>& positions,
                                                     const std::string& from) {
        if (before.size() != after.size()) {
            return {};
        }
        return positions_of(before, positions, from);
    }

    void verify_person(const std::string& bytes, const Person& person) const {
        std::vector<Diagnostic> diagnostics;
        auto reread = read_person(bytes, person.path, person.id, diagnostics);
        if (!reread || !(*reread == person)) {
            throw Error(fmt::format("internal error: '{}' would not read back as written; "
                                    "nothing was changed",
                                    person.path));
        }
    }

    // The new bytes of one record: the old file with the id tokens replaced when that reads
    // back right (hand formatting and comments survive), else the record rendered anew.
    template <typename Record, typename Emit, typename Read>
    FileWrite rewrite(const Record& before, const Record& after,
                      const std::vector<SourcePos>& positions, const std::string& from, Emit emit,
                      Read read, const std::string& to = {}) const {
        FileWrite write;
        write.path = before.path;
        write.old_bytes = source_(before.path);
        auto reads_as = [&](const std::string& bytes, const Record& record) {
            std::vector<Diagnostic> diagnostics;
            auto reread = read(bytes, before.path, record.id, diagnostics);
            return reread && *reread == record;
        };
        auto reads_back = [&](const std::string& bytes) {
            return reads_as(bytes, after);
        };
        if (!reads_as(*write.old_bytes, before)) { // the records given are not the files
            throw Error(fmt::format("'{}' changed while spark was working; nothing was "
                                    "changed, run the command again",
                                    before.path));
        }
        if (!to.empty()) {
            if (auto bytes = replace_tokens(*write.old_bytes, positions, from, to);
                bytes && reads_back(*bytes)) {
                write.bytes = std::move(*bytes);
                return write;
            }
        }
        write.bytes = emit(after);
        if (!reads_back(write.bytes)) {
            throw Error(fmt::format("internal error: '{}' would not read back as rewritten; "
                                    "nothing was changed",
                                    before.path));
        }
        write.reformatted = emit(before) != *write.old_bytes;
        return write;
    }

    // The edit must not add a problem: an error `spark check` would report afterwards that
    // it does not report now (with the old id read as the new one).
    void refuse_new_problems(const Records& after, const Person& from, const Person& to) const {
        std::set<std::pair<std::string, std::string>> known;
        for (const auto& d : check_records(records_)) {
            if (d.severity == Severity::error) {
                const std::string path = d.path == from.path ? to.path : d.path;
                known.emplace(path, replace_all(d.message, from.id, to.id));
            }
        }
        std::vector<std::string> added;
        for (const auto& d : check_records(after)) {
            if (d.severity == Severity::error && known.count({d.path, d.message}) == 0) {
                added.push_back(fmt::format("\n  {}: {}", d.path, d.message));
            }
        }
        if (!added.empty()) {
            std::string list;
            for (const auto& line : added) {
                list += line;
            }
            throw Error(fmt::format("this would leave the workspace with a problem; nothing "
                                    "was changed:{}",
                                    list));
        }
    }

    const Records& records_;
    const FileSource& source_;
};

const Person& person_by_id(const Planner& planner, const std::string& id) {
    const Person* person = planner.find_person(id);
    if (person == nullptr) {
        throw Error(fmt::format("unknown person '{}'", id));
    }
    return *person;
}

} // namespace

std::string sha256_hex(std::string_view bytes) {
    std::array<std::uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::string data(bytes);
    const std::uint64_t bits = static_cast<std::uint64_t>(bytes.size()) * 8;
    data += static_cast<char>(0x80);
    while (data.size() % 64 != 56) {
        data += '\0';
    }
    for (int i = 7; i >= 0; --i) {
        data += static_cast<char>((bits >> (8 * i)) & 0xff);
    }
    for (std::size_t at = 0; at < data.size(); at += 64) {
        sha_block(h, reinterpret_cast<const unsigned char*>(data.data() + at));
    }
    std::string out;
    for (std::uint32_t word : h) {
        out += fmt::format("{:08x}", word);
    }
    return out;
}

std::string pseudonym_id(std::string_view id) {
    return "forgotten-" + sha256_hex(id).substr(0, 12);
}

PeopleEdit plan_merge(const Records& records, const std::string& keep_id,
                      const std::string& drop_id, const FileSource& source) {
    if (keep_id == drop_id) {
        throw UsageError(
            fmt::format("cannot merge '{}' into itself; name two different people", keep_id));
    }
    Planner planner(records, source);
    const Person& keep = person_by_id(planner, keep_id);
    const Person& drop = person_by_id(planner, drop_id);
    Person merged = absorb(keep, drop);
    if (merged.invited_by == drop.id) { // invited by their own duplicate: no inviter at all
        merged.invited_by.clear();
    }
    // DROP's inviter fills an empty invited_by unless that would close a cycle.
    if (merged.invited_by.empty() && !drop.invited_by.empty() &&
        !planner.would_cycle(keep.id, drop.invited_by, drop.id, keep.id)) {
        merged.invited_by = drop.invited_by;
    }
    return planner.plan(drop, merged, false);
}

PeopleEdit plan_forget(const Records& records, const std::string& id, const FileSource& source) {
    Planner planner(records, source);
    const Person& person = person_by_id(planner, id);
    const std::string pseudonym = pseudonym_id(person.id);
    if (person.id.starts_with("forgotten-")) {
        throw Error(fmt::format("'{}' is already a pseudonym of a forgotten person", person.id));
    }
    Person stand_in;
    stand_in.id = pseudonym;
    stand_in.path = std::string(people_dir) + "/" + pseudonym + ".toml";
    stand_in.name =
        "(forgotten " + pseudonym.substr(std::string_view("forgotten-").size(), 6) + ")";
    stand_in.group = person.group;
    stand_in.roles = person.roles;
    stand_in.since = person.since;
    stand_in.invited_by = person.invited_by;
    stand_in.is_public = false;

    const Person* existing = planner.find_person(pseudonym);
    Person to = stand_in;
    if (existing != nullptr) { // forgotten in another clone too: one pseudonym for both
        to = absorb(*existing, stand_in);
        if (to.invited_by.empty() && !stand_in.invited_by.empty() &&
            !planner.would_cycle(to.id, stand_in.invited_by, person.id, to.id)) {
            to.invited_by = stand_in.invited_by;
        }
    }
    PeopleEdit result = planner.plan(person, to, existing == nullptr);

    // Free text is not rewritten: list the files that still mention the person.
    const std::string name = fold_name(person.name);
    const std::string old_id = fold_for_matching(person.id);
    std::unordered_map<std::string, const std::string*> written;
    for (const auto& write : result.edit.writes) {
        written.emplace(write.path, &write.bytes);
    }
    auto check_file = [&](const std::string& path) {
        if (path == person.path) {
            return;
        }
        auto found = written.find(path);
        const std::string text = fold_name(found != written.end() ? *found->second : source(path));
        if ((!name.empty() && text.find(name) != std::string::npos) ||
            text.find(old_id) != std::string::npos) {
            result.mentions.push_back(path);
        }
    };
    for (const auto& p : records.people) {
        check_file(p.path);
    }
    for (const auto& e : records.entries) {
        check_file(e.path);
    }
    for (const auto& m : records.meetings) {
        check_file(m.path);
    }
    std::sort(result.mentions.begin(), result.mentions.end());
    return result;
}

} // namespace spark
