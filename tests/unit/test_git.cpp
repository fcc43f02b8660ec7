#include "git.hpp"

#include <catch2/catch.hpp>

using spark::is_spark_commit_subject;

TEST_CASE("every subject spark writes is recognised as spark's") {
    for (const char* subject : {
             "init: Testvuur",
             "log(match): Melding in plaats van vergunning",
             "log(poker): Wethouder Jansen doet mee",
             "meet: Keukentafel De Kwekerij",
             "people: add Anna de Vries",
             "people: set Anna de Vries",
             "people: merge anna-de-vries-p7qr into anna-de-vries-k3m9",
             "people: forget a person (now forgotten-0123456789ab)",
             "check --fix: references to anna-p7qr now name anna-k3m9 (merged)",
             "spark: commit records an interrupted spark left uncommitted (2)",
             "edit(match): Melding in plaats van vergunning",
             "edit(meeting): Keukentafel",
             "edit(person): Anna de Vries",
             "rm(match): Melding in plaats van vergunning",
             "rm(meeting): Keukentafel",
             "rm: 3 records",
             "done: Keukentafel, follow-up 2",
             "done(meeting): Keukentafel",
         }) {
        CAPTURE(subject);
        CHECK(is_spark_commit_subject(subject));
    }
}

TEST_CASE("a revert of a spark commit, and a revert of that, are spark's") {
    CHECK(is_spark_commit_subject("Revert \"log(match): Melding\""));
    CHECK(is_spark_commit_subject("Revert \"Revert \"rm: 2 records\"\""));
    CHECK(is_spark_commit_subject("Reapply \"meet: Keukentafel\""));
    CHECK_FALSE(is_spark_commit_subject("Revert \"Fix the README\""));
    CHECK_FALSE(is_spark_commit_subject("Revert \"\""));
}

TEST_CASE("other commits are not spark's") {
    for (const char* subject : {
             "",
             "Fix typo in README",
             "Merge branch 'main' of example.org:vuur",
             "Merge remote-tracking branch 'origin/main'",
             "log: something by hand",
             "log(): no kind",
             "log(Match): capitals are not spark's",
             "log(match):",
             "log(match): ",
             "rm: some records",
             "rm: records",
             "people: added Anna by hand",
             "init: ",
             "meeting: Keukentafel",
             "Revert \"Merge branch 'x'\"",
         }) {
        CAPTURE(subject);
        CHECK_FALSE(is_spark_commit_subject(subject));
    }
}

TEST_CASE("a commit subject is the title's first line, cut to 72 characters") {
    CHECK(spark::commit_subject_line("Melding\nmeer tekst") == "Melding");
    const std::string long_title(80, 'x');
    CHECK(spark::commit_subject_line(long_title) == std::string(69, 'x') + "...");
    CHECK(spark::commit_subject_line(std::string(72, 'y')) == std::string(72, 'y'));
    std::string accents;
    for (int i = 0; i < 40; ++i) {
        accents += "\xc3\xa9"; // é
    }
    const std::string cut = spark::commit_subject_line("x" + accents);
    CHECK(cut == "x" + accents.substr(0, 68) + "...");
}
