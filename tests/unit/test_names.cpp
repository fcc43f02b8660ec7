#include "figures.hpp"
#include "name_forms.hpp"
#include "names.hpp"
#include "period.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using spark::Group;
using spark::NameForm;

namespace {

spark::Person person(std::string id, std::string name, std::optional<Group> group) {
    spark::Person p;
    p.path = "people/" + id + ".toml";
    p.id = std::move(id);
    p.name = std::move(name);
    p.group = group;
    p.since = spark::Date{2026, 1, 1};
    return p;
}

// The pseudonym `people forget` leaves for `name` (id `id`).
spark::Person forgotten(std::string pseudonym, const std::string& name, const std::string& id,
                        Group group) {
    spark::Person p = person(pseudonym, "(" + pseudonym + ")", group);
    p.name_hashes = spark::hashed_name_forms(name, id, pseudonym);
    return p;
}

std::string redact(const spark::Records& records, std::string_view text,
                   spark::NamesMode mode = spark::NamesMode::inside,
                   spark::Language language = spark::Language::nl) {
    const spark::Period period{spark::Date{2026, 1, 1}, spark::Date{2026, 3, 1}};
    const auto figures = spark::compute_figures(records, {}, period, period.until);
    return spark::DisplayNames(records, figures, language, mode).redact(text);
}

} // namespace

TEST_CASE("fold_word: NFKC, case, accents and invisible characters", "[names]") {
    CHECK(spark::fold_word("Fatima") == "fatima");
    CHECK(spark::fold_word("\uff26\uff41\uff54\uff49\uff4d\uff41") == "fatima"); // full width
    CHECK(spark::fold_word("Fa\u00adtima") == "fatima");                         // soft hyphen
    CHECK(spark::fold_word("JOSÉ") == "jose");
    CHECK(spark::fold_word("Jose\u0301") == "jose"); // decomposed
    CHECK(spark::fold_word("Straße") == "strasse");
    CHECK(spark::fold_word("\u0132sbrand") == "ijsbrand"); // the Dutch ĳ ligature
    CHECK(spark::fold_word("Øyvind") == "oyvind");
    CHECK(spark::fold_word("\ufb01ona") == "fiona"); // the ﬁ ligature
}

TEST_CASE("text_words: gaps that join words, invisible characters inside a word", "[names]") {
    auto words = spark::text_words("Fatima\u00a0Ouali, Jan-Piet\u00adJansen Fa\u00adtima");
    REQUIRE(words.size() == 5);
    CHECK(words[0].folded == "fatima");
    CHECK(words[0].joined_to_next); // a no-break space joins
    CHECK(words[1].folded == "ouali");
    CHECK_FALSE(words[1].joined_to_next); // a comma does not
    CHECK(words[2].folded == "jan");
    CHECK(words[2].joined_to_next);         // a hyphen joins
    CHECK(words[3].folded == "pietjansen"); // a soft hyphen is invisible: one word
    CHECK(words[4].folded == "fatima");
    CHECK(words[4].begin == std::string("Fatima\u00a0Ouali, Jan-Piet\u00adJansen ").size());
    CHECK(spark::text_words("").empty());
    CHECK(spark::text_words("-- ,.").empty());
}

TEST_CASE("name_forms: full name, written together, parts, surname with particles, id", "[names]") {
    const std::vector<NameForm> expected = {{"karim", "el", "idrissi"},
                                            {"karimelidrissi"},
                                            {"karim"},
                                            {"idrissi"},
                                            {"el", "idrissi"},
                                            {"karim", "el", "idrissi", "x7k2"}};
    CHECK(spark::name_forms("Karim El Idrissi", "karim-el-idrissi-x7k2") == expected);
    // Hyphenated names are words of their own; one-letter initials are no form alone.
    CHECK(spark::name_forms("J. Jansen-Bakker", "jjb") ==
          std::vector<NameForm>{
              {"j", "jansen", "bakker"}, {"jjansenbakker"}, {"jansen"}, {"bakker"}, {"jjb"}});
    CHECK(spark::name_forms("", "").empty());
}

TEST_CASE("hashed_name_forms: salted, deterministic, and never the name itself", "[names]") {
    const auto hashed =
        spark::hashed_name_forms("Fatima Ouali", "fatima-ouali-x7k2", "forgotten-1");
    REQUIRE(hashed.size() == 5);
    CHECK(hashed == spark::hashed_name_forms("Fatima Ouali", "fatima-ouali-x7k2", "forgotten-1"));
    CHECK(hashed != spark::hashed_name_forms("Fatima Ouali", "fatima-ouali-x7k2", "forgotten-2"));
    for (const auto& form : hashed) {
        CHECK(spark::is_hashed_name_form(form));
        CHECK(form.find("fatima") == std::string::npos);
    }
    CHECK(hashed[0].size() == 16 + 1 + 16); // two words
    CHECK(spark::name_word_hash("forgotten-1", "fatima") == hashed[2]);
    CHECK_FALSE(spark::is_hashed_name_form(""));
    CHECK_FALSE(spark::is_hashed_name_form("0123456789abcdef "));
    CHECK_FALSE(spark::is_hashed_name_form("0123456789ABCDEF"));
    CHECK_FALSE(spark::is_hashed_name_form("fatima"));
}

TEST_CASE("DisplayNames::redact: everyday forms of a hidden name", "[names]") {
    spark::Records r;
    r.people = {person("fatima-ouali-x7k2", "Fatima Ouali", Group::resident),
                person("jeroen-de-vries-k2m4", "Jeroen de Vries", Group::initiator),
                person("jan-smit-a1b2", "Jan Smit", Group::staff)};
    CHECK(redact(r, "Moestuin met Fatima Ouali") == "Moestuin met inwoner 1");
    CHECK(redact(r, "Fatima Ouali's moestuin") == "Inwoner 1's moestuin");
    CHECK(redact(r, "Jeroens fiets") == "Initiatiefnemer 1's fiets");
    CHECK(redact(r, "Fatima-Ouali-overleg") == "Inwoner 1-overleg");
    CHECK(redact(r, "notulen_Fatima_Ouali") == "notulen_inwoner 1");
    CHECK(redact(r, "met Fatima\u00a0Ouali") == "met inwoner 1");
    CHECK(redact(r, "met Fatima\u00adOuali") == "met inwoner 1");
    CHECK(redact(r, "met FatimaOuali") == "met inwoner 1");
    CHECK(redact(r, "zie fatima-ouali-x7k2") == "zie inwoner 1");
    CHECK(redact(r, "De Vries belde") == "Initiatiefnemer 1 belde");
    CHECK(redact(r, "mail fatima.ouali@example.org") == "mail inwoner 1@example.org");
    // Shown people stay as written, next to hidden ones.
    CHECK(redact(r, "Jan Smit en Fatima") == "Jan Smit en inwoner 1");
    // Not a name: a word that merely starts like one, or ends in an s sound of its own.
    CHECK(redact(r, "Fatimaatje en Vriesland") == "Fatimaatje en Vriesland");
    // --names all shows the living by name.
    CHECK(redact(r, "Fatima Ouali", spark::NamesMode::all) == "Fatima Ouali");
}

TEST_CASE("DisplayNames::redact: a form several people share names none of them", "[names]") {
    spark::Records r;
    r.people = {person("fatima-ouali-x7k2", "Fatima Ouali", Group::resident),
                person("fatima-bakker-p3q4", "Fatima Bakker", Group::resident),
                person("jan-bos-z9y8", "Jan Bos", Group::partner),
                person("jan-smit-a1b2", "Jan Smit", Group::staff)};
    CHECK(redact(r, "Fatima kwam langs") == "Inwoner kwam langs");
    CHECK(redact(r, "Fatima Bakker kwam langs") == "Inwoner 2 kwam langs");
    CHECK(redact(r, "met Jan") == "met persoon"); // a partner and a colleague
    CHECK(redact(r, "with Jan", spark::NamesMode::inside, spark::Language::en) == "with person");
}

TEST_CASE("DisplayNames::redact: a forgotten name stays hidden, also with --names all", "[names]") {
    spark::Records r;
    r.people = {
        forgotten("forgotten-0a1b2c3d4e5f", "Fatima Ouali", "fatima-ouali-x7k2", Group::resident),
        person("jan-smit-a1b2", "Jan Smit", Group::staff)};
    CHECK(redact(r, "Moestuin met Fatima Ouali") == "Moestuin met inwoner 1");
    CHECK(redact(r, "Ouali's voorstel") == "Inwoner 1's voorstel");
    CHECK(redact(r, "zie fatima-ouali-x7k2 en Jan Smit") == "zie inwoner 1 en Jan Smit");
    CHECK(redact(r, "Moestuin met Fatima Ouali", spark::NamesMode::all) ==
          "Moestuin met (forgotten-0a1b2c3d4e5f)");
    // The pseudonym's own name is no one's.
    CHECK(redact(r, "forgotten again") == "forgotten again");
}
