#include "i18n.hpp"
#include "vocabulary.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace spark;

namespace {

// Every row: an id, words in both languages, and every spelling parses back to the row.
template <typename Row, std::size_t N, typename Parse>
void check_rows(const Row (&rows)[N], Parse parse) {
    std::set<std::string> spellings;
    for (const auto& row : rows) {
        INFO("row " << row.id);
        CHECK_FALSE(row.id.empty());
        CHECK(parse(row.id) == row.value);
        CHECK(spellings.insert(std::string(row.id)).second);
        for (std::string_view alias : row.aliases) {
            if (!alias.empty()) {
                INFO("alias " << alias);
                CHECK(parse(alias) == row.value);
                if (alias != row.id) {
                    CHECK(spellings.insert(std::string(alias)).second); // no alias in two rows
                }
            }
        }
    }
}

} // namespace

TEST_CASE("every kind has words and headings in both languages, and its spellings parse") {
    check_rows(kind_terms, [](std::string_view text) { return kind_from_input(text); });
    for (const auto& row : kind_terms) {
        for (Language language : all_languages) {
            CHECK_FALSE(row.word.in(language).empty());
            CHECK_FALSE(kind_heading(language, row.value).empty());
        }
        CHECK(kind_from_name(row.id) == row.value);
    }
    CHECK(kind_heading(Language::nl, Kind::match) == "Lucifers");
    CHECK(kind_heading(Language::en, Kind::action) == "Actions");
    CHECK(kind_from_input("LUCIFER") == Kind::match);
    CHECK(kind_from_input("opporactie") == Kind::action);
    CHECK_FALSE(kind_from_name("lucifer")); // files store the id
    CHECK_FALSE(kind_from_input(""));
    CHECK_FALSE(kind_from_input("meeting"));
}

TEST_CASE("kind spellings for help and completion list ids first and hide hyphenless twins") {
    CHECK(kind_input_names() == std::vector<std::string>{"spark", "oxygen", "match", "fuel",
                                                         "action", "poker", "vonk", "zuurstof",
                                                         "lucifer", "brandstof", "actie",
                                                         "oppor-actie", "pook"});
}

TEST_CASE("every group has singular and plural words in both languages") {
    check_rows(group_terms, [](std::string_view text) { return group_from_name(text); });
    for (const auto& row : group_terms) {
        for (Language language : all_languages) {
            CHECK_FALSE(row.one.in(language).empty());
            CHECK_FALSE(row.many.in(language).empty());
        }
    }
    CHECK(group_count(Language::nl, Group::resident, 1) == "1 inwoner");
    CHECK(group_count(Language::nl, Group::council, 3) == "3 raadsleden");
    CHECK(group_count(Language::en, Group::director, 2) == "2 directors");
    CHECK(group_from_name("Wethouder") == Group::executive);
    CHECK(is_outside(Group::partner));
    CHECK_FALSE(is_outside(Group::council));
    CHECK(is_leadership(Group::teamlead));
    CHECK_FALSE(is_leadership(Group::staff));
    CHECK_FALSE(is_leadership(Group::resident));
}

TEST_CASE("every role and setting has words in both languages") {
    check_rows(role_terms, [](std::string_view text) { return role_from_name(text); });
    check_rows(setting_terms, [](std::string_view text) { return setting_from_name(text); });
    for (const auto& row : role_terms) {
        for (Language language : all_languages) {
            CHECK_FALSE(row.one.in(language).empty());
            CHECK_FALSE(row.many.in(language).empty());
        }
    }
    for (const auto& row : setting_terms) {
        for (Language language : all_languages) {
            CHECK_FALSE(setting_name(language, row.value).empty());
        }
    }
    CHECK(role_from_name("criticus") == Role::critic);
    CHECK(setting_name(Language::nl, Setting::mixed) == "gemengd");
    CHECK(group_ids() == std::vector<std::string>{"staff", "teamlead", "director", "executive",
                                                  "council", "resident", "initiator", "partner"});
}

TEST_CASE("names_a_meeting: the words people type after 'spark log' for a meeting") {
    for (const char* word : {"meeting", "ontmoeting", "Ontmoeting", "ONTMOETINGEN", "meetings"}) {
        CHECK(spark::names_a_meeting(word));
    }
    for (const char* word : {"vonk", "meet", "vergadering", "", "ontmoetin"}) {
        CHECK_FALSE(spark::names_a_meeting(word));
    }
    CHECK_FALSE(spark::kind_from_input("ontmoeting")); // not a kind, so no entry is written
}
