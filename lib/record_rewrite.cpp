#include "record_rewrite.hpp"

#include "error.hpp"
#include "record_reader.hpp"
#include "record_writer.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace spark {

namespace {

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

// The file format of each record type, so that the steps below are written once.
std::string emit_record(const Entry& record) {
    return emit_entry(record);
}
std::string emit_record(const Meeting& record) {
    return emit_meeting(record);
}
std::string emit_record(const Person& record) {
    return emit_person(record);
}

template <typename Record>
bool reads_back(std::string_view bytes, const Record& record) {
    std::vector<Diagnostic> diagnostics;
    auto reread = read_record(bytes, record, diagnostics);
    return reread && *reread == record;
}

template <typename Record>
std::string verified(const Record& record) {
    std::string bytes = emit_record(record);
    if (!reads_back(bytes, record)) {
        throw Error(fmt::format("internal error: '{}' would not read back as written; nothing "
                                "was saved",
                                record.path));
    }
    return bytes;
}

template <typename Record>
FileWrite rewrite(const Record& before, const Record& after, std::string old_bytes,
                  const std::optional<std::string>& preferred) {
    if (!reads_back(old_bytes, before)) { // the record given is not what the file holds
        throw Error(fmt::format("'{}' changed while spark was working; nothing was changed, run "
                                "the command again",
                                before.path));
    }
    FileWrite write;
    write.path = before.path;
    if (after.path != before.path) {
        write.moved_to = after.path;
    }
    // Read back under the old path and id: a move changes neither the bytes nor the record.
    Record expected = after;
    expected.path = before.path;
    expected.id = before.id;
    if (preferred && reads_back(*preferred, expected)) {
        write.bytes = *preferred;
    } else {
        write.bytes = emit_record(after);
        if (!reads_back(write.bytes, expected)) {
            throw Error(fmt::format("internal error: '{}' would not read back as rewritten; "
                                    "nothing was changed",
                                    before.path));
        }
        write.reformatted = emit_record(before) != old_bytes;
    }
    write.old_bytes = std::move(old_bytes);
    return write;
}

} // namespace

bool reads_back_as(std::string_view bytes, const Entry& record) {
    return reads_back(bytes, record);
}
bool reads_back_as(std::string_view bytes, const Meeting& record) {
    return reads_back(bytes, record);
}
bool reads_back_as(std::string_view bytes, const Person& record) {
    return reads_back(bytes, record);
}

std::string verified_bytes(const Entry& record) {
    return verified(record);
}
std::string verified_bytes(const Meeting& record) {
    return verified(record);
}
std::string verified_bytes(const Person& record) {
    return verified(record);
}

FileWrite rewrite_record(const Entry& before, const Entry& after, std::string old_bytes,
                         const std::optional<std::string>& preferred) {
    return rewrite(before, after, std::move(old_bytes), preferred);
}
FileWrite rewrite_record(const Meeting& before, const Meeting& after, std::string old_bytes,
                         const std::optional<std::string>& preferred) {
    return rewrite(before, after, std::move(old_bytes), preferred);
}
FileWrite rewrite_record(const Person& before, const Person& after, std::string old_bytes,
                         const std::optional<std::string>& preferred) {
    return rewrite(before, after, std::move(old_bytes), preferred);
}

std::optional<std::string> swap_id_tokens(std::string bytes,
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

} // namespace spark
