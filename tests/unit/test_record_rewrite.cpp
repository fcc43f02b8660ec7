#include "error.hpp"
#include "record_reader.hpp"
#include "record_rewrite.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

const std::string hand_written = "# kept by hand\n"
                                 "date = 2026-06-01\n"
                                 "kind   = \"spark\"\n"
                                 "title = \"Koffie\"\n"
                                 "people = [\"anna-a111\", \"bert-b222\"]  # both came\n";

spark::Entry read(const std::string& bytes, const std::string& path = "log/2026/e.toml") {
    std::vector<spark::Diagnostic> diagnostics;
    auto entry = spark::read_entry(bytes, path, "2026-06-01-koffie-x1y2", diagnostics);
    REQUIRE(entry);
    entry->path = path;
    return *entry;
}

} // namespace

TEST_CASE("verified_bytes renders a record that reads back as itself") {
    spark::Entry entry = read(hand_written);
    const std::string bytes = spark::verified_bytes(entry);
    CHECK(bytes == "date = 2026-06-01\n"
                   "kind = \"spark\"\n"
                   "title = \"Koffie\"\n"
                   "people = [\"anna-a111\", \"bert-b222\"]\n"
                   "tags = []\n");
    CHECK(spark::reads_back_as(bytes, entry));
    CHECK_FALSE(spark::reads_back_as(hand_written + "tags = [\"x\"]\n", entry));
}

TEST_CASE("rewrite_record keeps the preferred bytes when they read back as the new record") {
    const spark::Entry before = read(hand_written);
    spark::Entry after = before;
    after.people[1] = "carla-c333";
    auto swapped =
        spark::swap_id_tokens(hand_written, {before.people_pos[1]}, "bert-b222", "carla-c333");
    REQUIRE(swapped);
    CHECK(*swapped == "# kept by hand\n"
                      "date = 2026-06-01\n"
                      "kind   = \"spark\"\n"
                      "title = \"Koffie\"\n"
                      "people = [\"anna-a111\", \"carla-c333\"]  # both came\n");
    const spark::FileWrite write = spark::rewrite_record(before, after, hand_written, swapped);
    CHECK(write.path == "log/2026/e.toml");
    CHECK(write.bytes == *swapped);
    CHECK(write.old_bytes == hand_written);
    CHECK_FALSE(write.reformatted);
    CHECK(write.moved_to.empty());
}

TEST_CASE("rewrite_record renders anew, and says so, when the preferred bytes do not fit") {
    const spark::Entry before = read(hand_written);
    spark::Entry after = before;
    after.title = "Koffie en taart";
    after.date = spark::Date{2027, 1, 2};
    after.path = "log/2027/e.toml";
    // The preferred bytes still say "Koffie": they are not the record meant.
    const spark::FileWrite write = spark::rewrite_record(before, after, hand_written, hand_written);
    CHECK(write.bytes == "date = 2027-01-02\n"
                         "kind = \"spark\"\n"
                         "title = \"Koffie en taart\"\n"
                         "people = [\"anna-a111\", \"bert-b222\"]\n"
                         "tags = []\n");
    CHECK(write.reformatted); // the comments are gone
    CHECK(write.path == "log/2026/e.toml");
    CHECK(write.moved_to == "log/2027/e.toml");
}

TEST_CASE("rewrite_record refuses a file that no longer holds the record it was computed from") {
    const spark::Entry before = read(hand_written);
    spark::Entry after = before;
    after.title = "Thee";
    std::string changed = hand_written;
    changed.replace(changed.find("Koffie"), 6, "Water");
    CHECK_THROWS_WITH(spark::rewrite_record(before, after, changed),
                      "'log/2026/e.toml' changed while spark was working; nothing was changed, "
                      "run the command again");
}

TEST_CASE("swap_id_tokens refuses a position that does not hold the id") {
    const spark::Entry before = read(hand_written);
    CHECK_FALSE(spark::swap_id_tokens(hand_written, {before.people_pos[0]}, "bert-b222", "x"));
    CHECK_FALSE(spark::swap_id_tokens(hand_written, {}, "bert-b222", "x"));
    CHECK_FALSE(
        spark::swap_id_tokens(hand_written, {before.people_pos[1]}, "bert-b222", "not \"plain\""));
}
