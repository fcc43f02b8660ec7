#pragma once

#include "context.hpp"
#include "error.hpp"
#include "model.hpp"
#include "records.hpp"

#include <optional>
#include <string>
#include <vector>

// `spark edit` without fixes: the record in $VISUAL or $EDITOR, the way crontab -e and
// visudo do it. A copy in a temporary file is opened; the record itself changes only once
// what the editor leaves reads as a valid record.

namespace spark {

template <typename Record>
struct EditorResult {
    std::optional<Record> record; // nullopt: the user left the text as it was
    std::string text;             // what the user wrote, spark's comments removed
    std::vector<Diagnostic> warnings;
};

// Opens the record (`old_bytes`, one of `records` or a file that does not read) in the
// editor until what it leaves is a valid record, reopening it with the problems on top.
// Throws Error (exit 1, nothing changed) when there is no editor, it fails or is killed, or
// the text is left as shown after a problem or with the same problems again. A file that
// does not read opens with its `problems_now` on top already.
EditorResult<Entry> edit_in_editor(const Records& records, const Entry& before,
                                   const std::string& old_bytes, const Context& context,
                                   const std::vector<Diagnostic>& problems_now = {});
EditorResult<Meeting> edit_in_editor(const Records& records, const Meeting& before,
                                     const std::string& old_bytes, const Context& context,
                                     const std::vector<Diagnostic>& problems_now = {});
EditorResult<Person> edit_in_editor(const Records& records, const Person& before,
                                    const std::string& old_bytes, const Context& context,
                                    const std::vector<Diagnostic>& problems_now = {});

} // namespace spark
