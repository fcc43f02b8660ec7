#include "record_editor.hpp"

#include "editor_comments.hpp"
#include "process.hpp"
#include "record_edit.hpp"
#include "storage.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <unistd.h>

namespace spark {

namespace {

// 'text' for /bin/sh.
std::string shell_quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

// $VISUAL, else $EDITOR, else vi for a person at a terminal; nullopt when there is none.
std::optional<std::string> chosen_editor(const Context& context) {
    for (const char* name : {"VISUAL", "EDITOR"}) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0') {
            return std::string(value);
        }
    }
    if (context.is_terminal(stdin)) {
        return std::string("vi");
    }
    return std::nullopt;
}

// A copy of the record in a temporary file, as crontab -e and visudo keep one: the record
// itself changes only once what the editor left reads as a valid record.
class EditorFile {
  public:
    explicit EditorFile(const std::string& id) {
        const char* tmpdir = std::getenv("TMPDIR");
        path_ = fmt::format("{}/spark-edit-{}-XXXXXX.toml",
                            tmpdir != nullptr && *tmpdir ? tmpdir : "/tmp", id);
        const int fd = ::mkstemps(path_.data(), 5);
        if (fd < 0) {
            throw Error(fmt::format("cannot create a file for the editor in '{}'",
                                    fs::path(path_).parent_path().string()));
        }
        ::close(fd);
    }
    EditorFile(const EditorFile&) = delete;
    EditorFile& operator=(const EditorFile&) = delete;
    ~EditorFile() { ::unlink(path_.c_str()); }

    const std::string& path() const { return path_; }
    void write(const std::string& text) const {
        std::ofstream out(path_, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) {
            throw Error(fmt::format("cannot write '{}'; nothing was changed", path_));
        }
    }

  private:
    std::string path_;
};

// Opens the record in the editor until what it leaves is a valid record (reopening it with
// the problems on top), the user cancels (the editor fails, or the text is left as shown
// after a problem: Error, exit 1) or leaves the record as it was (no record). A file that
// does not read as a record opens with its `problems` on top already.
template <typename Record>
EditorResult<Record> edit_until_valid(const Records& records, const Record& before,
                                      const std::string& old_bytes, const Context& context,
                                      const std::vector<Diagnostic>& problems_now) {
    const auto editor = chosen_editor(context);
    if (!editor) {
        throw Error("no editor to open the record in: set one, e.g. 'export EDITOR=nano' "
                    "(VISUAL is tried first), or give a fix such as --title or --date (see "
                    "'spark edit --help'); nothing was changed");
    }
    EditorFile file(before.id);
    std::string shown = old_bytes;
    std::optional<std::string> refused; // the text last refused
    if (!problems_now.empty()) {
        shown = with_problem_comments(old_bytes, problems_now);
        refused = old_bytes;
    }
    while (true) {
        file.write(shown);
        const int status =
            run_interactive(fmt::format("{} {}", *editor, shell_quoted(file.path())));
        if (status == -1) {
            throw Error(fmt::format("cannot start the editor '{}'; nothing was changed", *editor));
        }
        if (status != 0) {
            throw Error(fmt::format("the editor '{}' exited with status {}; nothing was changed",
                                    *editor, status));
        }
        const std::string left = read_file(file.path());
        if (refused && left == shown) {
            throw Error(fmt::format("'{}' was left as it was shown with its problems; nothing "
                                    "was changed",
                                    before.path));
        }
        std::string text = without_problem_comments(left);
        if (refused && text == *refused) {
            throw Error(
                fmt::format("'{}' still has the same problems; nothing was changed", before.path));
        }
        if (text == old_bytes) {
            return {std::nullopt, std::move(text), {}};
        }
        auto edited = read_edited(text, before);
        std::vector<Diagnostic> problems = std::move(edited.problems);
        if (edited.record) {
            problems = problems_of_edit(records, before, *edited.record);
            if (!has_errors(problems)) {
                return {std::move(edited.record), std::move(text), std::move(problems)};
            }
            // Positions in the text the user edits, under the name they know it by; a
            // problem in another file (an invitation cycle) has no position here.
            for (auto& problem : problems) {
                if (problem.path == edited.record->path) {
                    problem.path = before.path;
                } else {
                    problem.pos = {};
                }
            }
        }
        for (const auto& problem : problems) {
            fmt::print(stderr, "{}\n", format_diagnostic(problem));
        }
        context.info("not saved; reopening the editor (quit without saving to cancel)");
        shown = with_problem_comments(text, problems);
        refused = std::move(text);
    }
}

} // namespace

EditorResult<Entry> edit_in_editor(const Records& records, const Entry& before,
                                   const std::string& old_bytes, const Context& context,
                                   const std::vector<Diagnostic>& problems_now) {
    return edit_until_valid(records, before, old_bytes, context, problems_now);
}
EditorResult<Meeting> edit_in_editor(const Records& records, const Meeting& before,
                                     const std::string& old_bytes, const Context& context,
                                     const std::vector<Diagnostic>& problems_now) {
    return edit_until_valid(records, before, old_bytes, context, problems_now);
}
EditorResult<Person> edit_in_editor(const Records& records, const Person& before,
                                    const std::string& old_bytes, const Context& context,
                                    const std::vector<Diagnostic>& problems_now) {
    return edit_until_valid(records, before, old_bytes, context, problems_now);
}

} // namespace spark
