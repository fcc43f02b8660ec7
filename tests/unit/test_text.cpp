#include "text.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace std::string_literals;

namespace {

bool is_slug(const std::string& slug) {
    if (slug.empty()) {
        return true;
    }
    if (slug.front() == '-' || slug.back() == '-' || slug.find("--") != std::string::npos) {
        return false;
    }
    for (char c : slug) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            return false;
        }
    }
    return true;
}

} // namespace

TEST_CASE("slugify folds Dutch titles to file-name-safe ids", "[text]") {
    CHECK(spark::slugify("Eén café in de Ŀeidse Straat!") == "een-cafe-in-de-leidse-straat");
    CHECK(spark::slugify("Buurtkamer open") == "buurtkamer-open");
    CHECK(spark::slugify("  Wethouder   zegt JA  ") == "wethouder-zegt-ja");
    CHECK(spark::slugify("Ĳsselmeer-overleg") == "ijsselmeer-overleg");
    CHECK(spark::slugify("Straße") == "strasse");
    CHECK(spark::slugify("Jan's idee") == "jans-idee");
    CHECK(spark::slugify("Jan’s idee") == "jans-idee");
    CHECK(spark::slugify("José Álvarez") == "jose-alvarez");
    CHECK(spark::slugify("Jose\u0301 A\u0301lvarez") == "jose-alvarez"); // decomposed accents
    CHECK(spark::slugify("Œuvre & Æther") == "oeuvre-aether");
    CHECK(spark::slugify("Q4 2026: 3 pilots") == "q4-2026-3-pilots");
    CHECK(spark::slugify("vuur 🔥 vonk") == "vuur-vonk");
}

TEST_CASE("slugify never produces path tricks", "[text]") {
    const char* title =
        GENERATE("../../etc/passwd", "a/b\\c", "..", ".", "/", "~/x", "C:\\x",
                 "-leading and trailing-", "x--y", "  . . ", "\n\t\r", "%2e%2e%2f", "a..b");
    const std::string slug = spark::slugify(title);
    INFO("title: '" << title << "' slug: '" << slug << "'");
    CHECK(is_slug(slug));
    CHECK(slug.find('/') == std::string::npos);
    CHECK(slug.find("..") == std::string::npos);
    CHECK(slug.find('\\') == std::string::npos);
    CHECK(slug.find('.') == std::string::npos);
}

TEST_CASE("slugify with embedded NUL and path pieces", "[text]") {
    CHECK(spark::slugify("../../etc/passwd") == "etc-passwd");
    CHECK(spark::slugify("a\0b"s) == "a-b");
}

TEST_CASE("slugify is empty without letters or digits", "[text]") {
    CHECK(spark::slugify("") == "");
    CHECK(spark::slugify("🔥🔥🔥") == "");
    CHECK(spark::slugify("🔥 ✨ 🎉") == "");
    CHECK(spark::slugify("!!! ??? ...") == "");
    CHECK(spark::slugify("   ") == "");
    CHECK(spark::slugify("\u0301\u0301") == "");
}

TEST_CASE("slugify cuts at a word boundary", "[text]") {
    CHECK(spark::slugify("aaaa bbbb cccc", 10) == "aaaa-bbbb");
    CHECK(spark::slugify("aaaa bbbbb cccc", 10) == "aaaa-bbbbb"); // the word fits exactly
    CHECK(spark::slugify("aaaa bbbbbb cccc", 10) == "aaaa");
    CHECK(spark::slugify("aaaaaaaaaaaaaaaaaaaa", 10) == "aaaaaaaaaa"); // one long word is cut
    CHECK(spark::slugify("short", 10) == "short");

    const std::string long_title =
        "De gemeente zet een buurtkamer open voor alle bewoners van de wijk en iedereen die "
        "mee wil doen";
    const std::string slug = spark::slugify(long_title);
    CHECK(slug.size() <= 50);
    CHECK(slug == "de-gemeente-zet-een-buurtkamer-open-voor-alle");
    CHECK(is_slug(slug));

    // Accents expand (Æ → ae); the limit is in bytes of the slug.
    const std::string expanded = spark::slugify("ÆÆÆÆÆÆÆÆÆÆ ÆÆÆÆÆ", 22);
    CHECK(expanded == "aeaeaeaeaeaeaeaeaeae");
    CHECK(expanded.size() <= 22);
}

TEST_CASE("fold_for_matching ignores case and accents", "[text]") {
    CHECK(spark::fold_for_matching("José Álvarez") == "jose alvarez");
    CHECK(spark::fold_for_matching("Jose\u0301") == "jose");
    CHECK(spark::fold_for_matching("Ĳsselmeer") == "ijsselmeer");
    CHECK(spark::fold_for_matching("ĳs") == "ijs");
    CHECK(spark::fold_for_matching("Straße") == "strasse");
    CHECK(spark::fold_for_matching("ANNA de Vries") == "anna de vries");
    CHECK(spark::fold_for_matching("Zoë Ŀeidse Łódź") == "zoe leidse lodz");
    CHECK(spark::fold_for_matching("Ærø") == "aero");
    CHECK(spark::fold_for_matching("") == "");
    CHECK(spark::fold_for_matching("a-b_c 1") == "a-b_c 1");
    // Typographic apostrophes, non-breaking spaces and soft hyphens do not count.
    CHECK(spark::fold_for_matching("D\u2019Souza") == "d'souza");
    CHECK(spark::fold_for_matching("Jan\u00a0de\u00adVries") == "jan devries");
    // Greek is case folded and spelled in Latin; what has no Latin spelling is kept, folded.
    CHECK(spark::fold_for_matching("Δήμος 🔥") == "dimos 🔥");
    CHECK(spark::fold_for_matching("Ольга") == "ольга");
    // Invalid UTF-8 is lowered in its ASCII letters only.
    CHECK(spark::fold_for_matching("ABC\xff") == "abc\xff");
}

// Names from the residents of Dutch municipalities: each folds to what a colleague types
// on a Dutch keyboard, and gets a readable id.
TEST_CASE("names in many scripts fold to plain Latin letters", "[text][names]") {
    struct Row {
        const char* name;
        const char* folded;
        const char* slug;
    };
    const Row rows[] = {
        {"Trần Thị Nguyễn", "tran thi nguyen", "tran-thi-nguyen"}, // Vietnamese
        {"Đặng Văn Hùng", "dang van hung", "dang-van-hung"},       // Vietnamese đ
        {"Ngô Bảo Châu", "ngo bao chau", "ngo-bao-chau"},          // Vietnamese
        {"Ștefan Pușcaș", "stefan puscas", "stefan-puscas"},       // Romanian ș (comma)
        {"Şerban Ţepeş", "serban tepes", "serban-tepes"},          // Romanian ş (cedilla)
        {"İlkay Gündoğan", "ilkay gundogan", "ilkay-gundogan"},    // Turkish İ
        {"Işıl Yılmaz", "isil yilmaz", "isil-yilmaz"},             // Turkish ı
        {"IŞIL YILMAZ", "isil yilmaz", "isil-yilmaz"},             // (I folds to i)
        {"Łukasz Żółć", "lukasz zolc", "lukasz-zolc"},             // Polish
        {"Małgorzata Wąsowska", "malgorzata wasowska", "malgorzata-wasowska"},
        {"Γιώργος Παπαδόπουλος", "giorgos papadopoulos", "giorgos-papadopoulos"}, // Greek
        {"ΓΙΏΡΓΟΣ ΠΑΠΑΔΌΠΟΥΛΟΣ", "giorgos papadopoulos", "giorgos-papadopoulos"},
        {"Søren Kierkegaard", "soren kierkegaard", "soren-kierkegaard"},     // Danish ø
        {"Æsa Œhlenschläger", "aesa oehlenschlager", "aesa-oehlenschlager"}, // æ œ
        {"Jürgen Groß", "jurgen gross", "jurgen-gross"},                     // ß
        {"Ĳsbrand van Ĳzendoorn", "ijsbrand van ijzendoorn", "ijsbrand-van-ijzendoorn"},
        {"José Álvarez", "jose alvarez", "jose-alvarez"},
        {"Zoë Ŀeidse", "zoe leidse", "zoe-leidse"},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        CHECK(spark::fold_for_matching(row.name) == row.folded);
        CHECK(spark::slugify(row.name) == row.slug);
    }
    // Scripts without a Latin spelling give no slug; the id is then the suffix alone.
    CHECK(spark::slugify("Ольга 王") == "");
}

TEST_CASE("same_person_name: case, accents and white space do not count", "[text][names]") {
    CHECK(spark::same_person_name("José  Álvarez", "jose alvarez"));
    CHECK(spark::same_person_name("  José\tÁlvarez ", "JOSE ALVAREZ"));
    CHECK(spark::same_person_name("Trần Thị Nguyễn", "tran thi nguyen"));
    CHECK(spark::same_person_name("Jan\u00a0de Vries", "jan de vries"));
    CHECK_FALSE(spark::same_person_name("Jan de Vries", "Jan de Vriesz"));
    CHECK_FALSE(spark::same_person_name("Jan de Vries", "Jande Vries"));
    CHECK(spark::fold_name("  José   Álvarez\n") == "jose alvarez");
}

TEST_CASE("find_invalid_utf8 finds the first bad byte", "[text]") {
    CHECK_FALSE(spark::find_invalid_utf8(""));
    CHECK_FALSE(spark::find_invalid_utf8("plain ascii"));
    CHECK_FALSE(spark::find_invalid_utf8("José Álvarez"));
    CHECK_FALSE(spark::find_invalid_utf8("\xF0\x9F\x94\xA5"));       // 🔥, 4 bytes
    CHECK_FALSE(spark::find_invalid_utf8("fire \xF0\x9F\x94\xA5!")); // emoji inside text
    CHECK_FALSE(spark::find_invalid_utf8("\u200F"));                 // RTL mark
    CHECK_FALSE(spark::find_invalid_utf8("\xF4\x8F\xBF\xBF"));       // U+10FFFF
    CHECK_FALSE(spark::find_invalid_utf8("a\0b"s));                  // NUL is valid UTF-8

    // Overlong encodings.
    CHECK(spark::find_invalid_utf8("\xC0\xAF") == 0u);
    CHECK(spark::find_invalid_utf8("ab\xC1\xBF") == 2u);
    CHECK(spark::find_invalid_utf8("\xE0\x80\xAF") == 0u);
    CHECK(spark::find_invalid_utf8("x\xF0\x8F\xBF\xBF") == 1u);
    // Surrogates.
    CHECK(spark::find_invalid_utf8("ab\xED\xA0\x80") == 2u);
    CHECK(spark::find_invalid_utf8("\xED\xBF\xBF") == 0u);
    // Truncated sequences.
    CHECK(spark::find_invalid_utf8("ab\xE2\x82") == 2u);
    CHECK(spark::find_invalid_utf8("\xF0\x9F\x94") == 0u);
    CHECK(spark::find_invalid_utf8("\xC3") == 0u);
    CHECK(spark::find_invalid_utf8("\xC3x") == 0u);
    // Lone continuation bytes and bytes that never occur.
    CHECK(spark::find_invalid_utf8("abc\x80") == 3u);
    CHECK(spark::find_invalid_utf8("\xFF") == 0u);
    CHECK(spark::find_invalid_utf8("\xF5\x80\x80\x80") == 0u);
    // Above U+10FFFF.
    CHECK(spark::find_invalid_utf8("\xF4\x90\x80\x80") == 0u);
    // The first problem counts.
    CHECK(spark::find_invalid_utf8("é\xFF\xC0") == 2u);
}

TEST_CASE("edit_distance and close_matches", "[text]") {
    CHECK(spark::edit_distance("kitten", "sitting") == 3);
    CHECK(spark::edit_distance("", "abc") == 3);
    CHECK(spark::edit_distance("same", "same") == 0);

    const std::vector<std::string> keys{"date", "kind",   "title", "people",
                                        "tags", "effect", "body"};
    CHECK(spark::close_matches("peple", keys) == std::vector<std::string>{"people"});
    CHECK(spark::close_matches("titel", keys) == std::vector<std::string>{"title"});
    CHECK(spark::close_matches("zzzzzzzzzz", keys).empty());

    // Closest first, ties in pool order, at most `limit`.
    const std::vector<std::string> pool{"abcd", "abcx", "abxx", "abce", "zzzz"};
    CHECK(spark::close_matches("abcd", pool) ==
          std::vector<std::string>{"abcd", "abcx", "abce", "abxx"});
    CHECK(spark::close_matches("abcd", pool, 2) == std::vector<std::string>{"abcd", "abcx"});
    CHECK(spark::close_matches("abcd", {}).empty());
}

TEST_CASE("join", "[text]") {
    CHECK(spark::join({}, ", ") == "");
    CHECK(spark::join({"a"}, ", ") == "a");
    CHECK(spark::join({"a", "b", "c"}, " -> ") == "a -> b -> c");
}
