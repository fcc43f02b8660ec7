#include "followups.hpp"

namespace spark {

namespace {

// For each follow-up, the index of the done entry that belongs to it, if any; the rest of
// `done` is left in `unmatched`.
std::vector<std::optional<std::size_t>> match_done(const std::vector<std::string>& followups,
                                                   const std::vector<FollowupDone>& done,
                                                   std::vector<std::size_t>* unmatched) {
    std::vector<std::optional<std::size_t>> matched(followups.size());
    std::vector<bool> used(done.size(), false);
    for (std::size_t i = 0; i < followups.size(); ++i) {
        for (std::size_t d = 0; d < done.size(); ++d) {
            if (!used[d] && done[d].followup == followups[i]) {
                used[d] = true;
                matched[i] = d;
                break;
            }
        }
    }
    if (unmatched != nullptr) {
        for (std::size_t d = 0; d < done.size(); ++d) {
            if (!used[d]) {
                unmatched->push_back(d);
            }
        }
    }
    return matched;
}

} // namespace

std::vector<Followup> numbered_followups(const Meeting& meeting) {
    const auto matched = match_done(meeting.followups, meeting.followups_done, nullptr);
    std::vector<Followup> out;
    out.reserve(meeting.followups.size());
    for (std::size_t i = 0; i < meeting.followups.size(); ++i) {
        Followup followup{static_cast<int>(i + 1), meeting.followups[i], std::nullopt};
        if (matched[i]) {
            followup.done = meeting.followups_done[*matched[i]].date;
        }
        out.push_back(std::move(followup));
    }
    return out;
}

std::vector<Followup> open_followups(const Meeting& meeting, const std::optional<Date>& as_of) {
    std::vector<Followup> out;
    for (auto& followup : numbered_followups(meeting)) {
        if (!followup.done || (as_of && *followup.done > *as_of)) {
            out.push_back(std::move(followup));
        }
    }
    return out;
}

std::vector<std::size_t> unmatched_done(const std::vector<std::string>& followups,
                                        const std::vector<FollowupDone>& done) {
    std::vector<std::size_t> unmatched;
    match_done(followups, done, &unmatched);
    return unmatched;
}

} // namespace spark
