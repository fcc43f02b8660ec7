#include "editor_comments.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

TEST_CASE("problems go on top as comments, with lines counted as the editor shows them") {
    const std::string text = "date = 2026-02-26\nkind = \"fuel\"\ntitle = \"Koffie\n";
    std::vector<spark::Diagnostic> problems{
        {"log/2026/x.toml", {3, 9}, spark::Severity::error, "unterminated string"},
        {"log/2026/x.toml", {}, spark::Severity::warning, "meeting has no\nattendees"}};
    const std::string shown = spark::with_problem_comments(text, problems);
    CHECK(shown == "# spark: not saved; fix the problems below and save, or quit without saving "
                   "to cancel\n"
                   "# spark: line 7, column 9: error: unterminated string\n"
                   "# spark: warning: meeting has no attendees\n"
                   "# spark: (lines starting with '# spark:' are removed before the record is "
                   "read)\n" +
                       text);
    // Line 7 of what the editor shows is the line the problem is on.
    std::size_t at = 0;
    for (int line = 1; line < 7; ++line) {
        at = shown.find('\n', at) + 1;
    }
    CHECK(shown.substr(at, 5) == "title");
    CHECK(spark::without_problem_comments(shown) == text);
}

TEST_CASE("only the comments at the top that spark added are removed") {
    CHECK(spark::without_problem_comments("date = 2026-01-01\n") == "date = 2026-01-01\n");
    CHECK(spark::without_problem_comments("# spark: one left\n# mine\ndate = 1\n") ==
          "# mine\ndate = 1\n");
    CHECK(spark::without_problem_comments("# mine\n# spark: x\n") == "# mine\n# spark: x\n");
    CHECK(spark::without_problem_comments("# spark: no newline") == "");
    CHECK(spark::without_problem_comments("") == "");
}
