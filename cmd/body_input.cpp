#include "body_input.hpp"

#include "arguments.hpp"
#include "error.hpp"
#include "process.hpp"
#include "storage.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <iterator>
#include <sstream>
#include <unistd.h>

namespace spark {

namespace {

std::string read_standard_input() {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return buffer.str();
}

// Drops '#' comment lines (as git does for commit messages) and surrounding blank lines.
std::string strip_editor_text(const std::string& text) {
    std::istringstream lines(text);
    std::string line;
    std::string kept;
    while (std::getline(lines, line)) {
        if (!line.starts_with("#")) {
            kept += line;
            kept += '\n';
        }
    }
    const auto first = kept.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return "";
    }
    const auto last = kept.find_last_not_of(" \t\r\n");
    return kept.substr(first, last - first + 1);
}

std::string edit_in_editor(const std::string& initial, const std::string& hint,
                           const std::string& language) {
    const char* editor = std::getenv("VISUAL");
    if (editor == nullptr || *editor == '\0') {
        editor = std::getenv("EDITOR");
    }
    if (editor == nullptr || *editor == '\0') {
        editor = "vi";
    }
    const char* tmpdir = std::getenv("TMPDIR");
    std::string path_template =
        fmt::format("{}/spark-edit-XXXXXX.md", tmpdir != nullptr && *tmpdir ? tmpdir : "/tmp");
    const int fd = ::mkstemps(path_template.data(), 3);
    if (fd < 0) {
        throw Error(fmt::format("cannot create a file for the editor in '{}'",
                                std::filesystem::path(path_template).parent_path().string()));
    }
    const std::string content =
        fmt::format("{}\n# {}\n# {}\n", initial, hint,
                    language == "en" ? "Lines starting with '#' are ignored; an empty text cancels."
                                     : "Regels die met '#' beginnen tellen niet mee; een lege "
                                       "tekst breekt af.");
    const bool written =
        ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
    ::close(fd);
    struct Cleanup {
        std::string path;
        ~Cleanup() { ::unlink(path.c_str()); }
    } cleanup{path_template};
    if (!written) {
        throw Error(fmt::format("cannot write '{}'", path_template));
    }
    const int status = run_interactive(fmt::format("{} '{}'", editor, path_template));
    if (status != 0) {
        throw Error(fmt::format("the editor '{}' exited with status {}; nothing was saved", editor,
                                status));
    }
    std::string edited = strip_editor_text(read_file(path_template));
    if (edited.empty()) {
        throw Error("empty text from the editor; nothing was saved");
    }
    return edited;
}

} // namespace

void add_body_options(CLI::App& command, BodyInput& input) {
    // Under their own heading in --help: where the body text comes from.
    command.add_option("-m,--message", input.paragraphs, "Body text; repeat for more paragraphs")
        ->option_text("TEXT")
        ->allow_extra_args(false)
        ->group("Body");
    command.add_option("-F,--file", input.file, "Read the body from FILE ('-' for stdin)")
        ->option_text("FILE")
        ->group("Body");
    command.add_flag("-e,--edit", input.edit, "Write the body in $EDITOR")->group("Body");
}

std::string read_body(const BodyInput& input, const std::string& editor_hint,
                      const std::string& language) {
    if (!input.paragraphs.empty() && !input.file.empty()) {
        throw UsageError("-m and -F cannot be combined; choose one source for the body");
    }
    std::string body;
    for (std::size_t i = 0; i < input.paragraphs.size(); ++i) {
        validate_text(input.paragraphs[i], "-m", false);
        body += i == 0 ? "" : "\n\n";
        body += input.paragraphs[i];
    }
    if (input.file == "-") {
        body = read_standard_input();
        validate_text(body, "the body on standard input", false);
    } else if (!input.file.empty()) {
        body = read_file(input.file);
        validate_text(body, fmt::format("-F '{}'", input.file), false);
    }
    if (input.edit) {
        body = edit_in_editor(body, editor_hint, language);
    }
    return body;
}

} // namespace spark
