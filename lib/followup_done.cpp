#include "followup_done.hpp"

#include "error.hpp"
#include "record_writer.hpp"
#include "text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace spark {

namespace {

bool all_digits(const std::string& text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    const std::string folded = fold_name(text);
    for (std::size_t at = 0; at < folded.size();) {
        const std::size_t end = std::min(folded.find(' ', at), folded.size());
        if (end > at) {
            words.push_back(folded.substr(at, end - at));
        }
        at = end + 1;
    }
    return words;
}

std::string listing(const std::vector<Followup>& followups) {
    std::string out;
    for (const auto& f : followups) {
        out += fmt::format("\n  {}. {}{}", f.number, single_line(f.text),
                           f.done ? fmt::format(" (done {})", f.done->iso()) : "");
    }
    return out;
}

const Followup& pick_one(const Meeting& meeting, const std::vector<Followup>& all,
                         const std::string& which) {
    if (all_digits(which)) {
        const auto number = which.size() > 6 ? 0 : std::stoi(which);
        if (number < 1 || number > static_cast<int>(all.size())) {
            throw Error(
                fmt::format("there is no follow-up {} of '{}'; it has {}:{}", which, meeting.id,
                            all.size() == 1 ? std::string("one")
                                            : fmt::format("{} (1-{})", all.size(), all.size()),
                            listing(all)));
        }
        return all[static_cast<std::size_t>(number - 1)];
    }
    const auto words = words_of(which);
    std::vector<const Followup*> fits;
    for (const auto& followup : all) {
        const std::string folded = fold_name(followup.text);
        if (!words.empty() && std::all_of(words.begin(), words.end(), [&](const auto& word) {
                return folded.find(word) != std::string::npos;
            })) {
            fits.push_back(&followup);
        }
    }
    if (fits.size() == 1) {
        return *fits.front();
    }
    if (fits.empty()) {
        throw Error(fmt::format("no follow-up of '{}' has the words '{}'; name it by number:{}",
                                meeting.id, which, listing(all)));
    }
    std::vector<Followup> candidates;
    for (const auto* fit : fits) {
        candidates.push_back(*fit);
    }
    throw Error(fmt::format("'{}' fits {} follow-ups of '{}'; name one by number:{}", which,
                            fits.size(), meeting.id, listing(candidates)));
}

} // namespace

std::vector<Followup> pick_followups(const Meeting& meeting,
                                     const std::vector<std::string>& which) {
    const auto all = numbered_followups(meeting);
    if (all.empty()) {
        throw Error(fmt::format("'{}' has no follow-ups; nothing was changed", meeting.id));
    }
    if (which.empty()) {
        throw UsageError(fmt::format("name the follow-ups of '{}' by number or words:{}",
                                     meeting.id, listing(all)));
    }
    std::vector<Followup> picked;
    for (const auto& text : which) {
        const Followup& followup = pick_one(meeting, all, text);
        if (std::none_of(picked.begin(), picked.end(),
                         [&](const Followup& f) { return f.number == followup.number; })) {
            picked.push_back(followup);
        }
    }
    std::sort(picked.begin(), picked.end(),
              [](const Followup& a, const Followup& b) { return a.number < b.number; });
    return picked;
}

FollowupsMarked plan_followups_done(const Meeting& meeting, const std::vector<std::string>& which,
                                    const Date& date, bool reopen) {
    FollowupsMarked result;
    result.changed = pick_followups(meeting, which);
    if (!reopen && date < meeting.date) {
        throw UsageError(fmt::format("--date {} is before the meeting itself ({}); nothing was "
                                     "changed",
                                     date.iso(), meeting.date.iso()));
    }
    for (const auto& followup : result.changed) {
        // The file names a done follow-up by its text, so two with one text cannot be told
        // apart there: the wrong one would read back as done.
        const auto same_text =
            std::count(meeting.followups.begin(), meeting.followups.end(), followup.text);
        if (same_text > 1) {
            throw Error(fmt::format("follow-up {} of '{}' has the same text as another one: {}; "
                                    "nothing was changed: make the texts differ first (spark "
                                    "edit {})",
                                    followup.number, meeting.id, single_line(followup.text),
                                    meeting.id));
        }
        if (!reopen && followup.done) {
            throw Error(fmt::format("follow-up {} of '{}' is already done ({}): {}; nothing "
                                    "was changed (--reopen opens it again)",
                                    followup.number, meeting.id, followup.done->iso(),
                                    single_line(followup.text)));
        }
        if (reopen && !followup.done) {
            throw Error(fmt::format("follow-up {} of '{}' is still open: {}; nothing was changed",
                                    followup.number, meeting.id, single_line(followup.text)));
        }
    }
    auto state = numbered_followups(meeting);
    for (const auto& followup : result.changed) {
        auto& now = state[static_cast<std::size_t>(followup.number - 1)];
        now.done = reopen ? std::nullopt : std::optional<Date>(date);
    }
    result.after = meeting;
    result.after.followups_done.clear();
    for (const auto& followup : state) {
        if (followup.done) {
            result.after.followups_done.push_back({followup.text, *followup.done});
        }
    }
    return result;
}

std::optional<std::string> with_followups_done(const std::string& old_bytes, const Meeting& before,
                                               const Meeting& after) {
    if (old_bytes == emit_meeting(before)) {
        return std::nullopt; // spark's own layout: written anew, keys in their order
    }
    const std::string old_block = emit_followups_done(before.followups_done);
    const std::string new_block = emit_followups_done(after.followups_done);
    if (old_block.empty()) {
        if (old_bytes.find("followups_done") != std::string::npos) {
            return std::nullopt; // an empty one written by hand: let spark write the file
        }
        const bool ends_line = old_bytes.empty() || old_bytes.back() == '\n';
        return old_bytes + (ends_line ? "" : "\n") + new_block;
    }
    const auto at = old_bytes.find(old_block);
    if (at == std::string::npos || (at > 0 && old_bytes[at - 1] != '\n') ||
        old_bytes.find(old_block, at + 1) != std::string::npos) {
        return std::nullopt;
    }
    std::string bytes = old_bytes;
    bytes.replace(at, old_block.size(), new_block);
    return bytes;
}

} // namespace spark
