#pragma once

// The words spark's records are made of — kinds, groups, roles, settings — one table each.
// A row holds everything spark knows about a value: the id stored in files, the words in
// Dutch and English, and the aliases accepted on the command line. Array sizes, parsing,
// help, completion and the report's headings all come from these rows, so adding a value
// means adding an enumerator and its row here (the static_asserts below keep the two in
// step).

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spark {

enum class Language { nl, en };
inline constexpr Language all_languages[] = {Language::nl, Language::en};

std::optional<Language> language_from_name(std::string_view name);
std::string_view id_of(Language language); // "nl", "en"

// One piece of text in both languages.
struct Wording {
    std::string_view nl;
    std::string_view en;
    constexpr std::string_view in(Language language) const {
        return language == Language::nl ? nl : en;
    }
};

// Further spellings accepted on the command line (and in hand-edited files); empty slots
// are unused.
using Aliases = std::array<std::string_view, 4>;

// The six things a fire needs ("Ga vonken!"); each entry records one of them.
enum class Kind { spark, oxygen, match, fuel, action, poker };

struct KindTerm {
    Kind value;
    std::string_view id; // stored in files: kind = "match"
    Wording word;        // "lucifer" / "match"
    Wording heading;     // "Lucifers" / "Matches"
    Aliases aliases;     // "lucifer"
};

inline constexpr KindTerm kind_terms[] = {
    {Kind::spark, "spark", {"vonk", "spark"}, {"Vonken", "Sparks"}, {"vonk"}},
    {Kind::oxygen, "oxygen", {"zuurstof", "oxygen"}, {"Zuurstof", "Oxygen"}, {"zuurstof"}},
    {Kind::match, "match", {"lucifer", "match"}, {"Lucifers", "Matches"}, {"lucifer"}},
    {Kind::fuel, "fuel", {"brandstof", "fuel"}, {"Brandstof", "Fuel"}, {"brandstof"}},
    {Kind::action,
     "action",
     {"oppor-actie", "action"},
     {"Oppor-acties", "Actions"},
     {"actie", "oppor-actie", "opporactie"}},
    {Kind::poker, "poker", {"pook", "poker"}, {"Poken", "Pokers"}, {"pook"}},
};

// Who a person is to the organisation. Inside: staff and leadership; outside: society.
enum class Group { staff, teamlead, director, executive, council, resident, initiator, partner };

struct GroupTerm {
    Group value;
    std::string_view id;
    Wording one;  // "inwoner" / "resident"
    Wording many; // "inwoners" / "residents"
    Aliases aliases;
    bool outside;    // from society, not the organisation: hidden in reports by default
    bool leadership; // the article's "directie, teamleiders, bestuurders en raad"
};

inline constexpr GroupTerm group_terms[] = {
    {Group::staff,
     "staff",
     {"medewerker", "staff member"},
     {"medewerkers", "staff members"},
     {"medewerker"},
     false,
     false},
    {Group::teamlead,
     "teamlead",
     {"teamleider", "team lead"},
     {"teamleiders", "team leads"},
     {"teamleider"},
     false,
     true},
    {Group::director,
     "director",
     {"directeur", "director"},
     {"directeuren", "directors"},
     {"directeur"},
     false,
     true},
    {Group::executive,
     "executive",
     {"bestuurder", "executive"},
     {"bestuurders", "executives"},
     {"bestuurder", "wethouder", "burgemeester"},
     false,
     true},
    {Group::council,
     "council",
     {"raadslid", "council member"},
     {"raadsleden", "council members"},
     {"raadslid"},
     false,
     true},
    {Group::resident,
     "resident",
     {"inwoner", "resident"},
     {"inwoners", "residents"},
     {"inwoner", "bewoner"},
     true,
     false},
    {Group::initiator,
     "initiator",
     {"initiatiefnemer", "initiator"},
     {"initiatiefnemers", "initiators"},
     {"initiatiefnemer"},
     true,
     false},
    {Group::partner, "partner", {"partner", "partner"}, {"partners", "partners"}, {}, true, false},
};

// What a person does for the fire.
enum class Role { spark, poker, critic, innovator };

struct RoleTerm {
    Role value;
    std::string_view id;
    Wording one;
    Wording many;
    Aliases aliases;
};

inline constexpr RoleTerm role_terms[] = {
    {Role::spark, "spark", {"vonk", "spark"}, {"vonken", "sparks"}, {"vonk"}},
    {Role::poker, "poker", {"pook", "poker"}, {"poken", "pokers"}, {"pook"}},
    {Role::critic, "critic", {"criticus", "critic"}, {"critici", "critics"}, {"criticus"}},
    {Role::innovator,
     "innovator",
     {"vernieuwer", "innovator"},
     {"vernieuwers", "innovators"},
     {"vernieuwer"}},
};

// Who a meeting was for.
enum class Setting { internal, external, mixed };

struct SettingTerm {
    Setting value;
    std::string_view id;
    Wording word;
    Aliases aliases;
};

inline constexpr SettingTerm setting_terms[] = {
    {Setting::internal, "internal", {"intern", "internal"}, {"intern"}},
    {Setting::external, "external", {"extern", "external"}, {"extern"}},
    {Setting::mixed, "mixed", {"gemengd", "mixed"}, {"gemengd"}},
};

namespace detail {
// Row i must describe enumerator i, so a row can be found by its enumerator.
template <typename Row, std::size_t N>
constexpr bool rows_follow_enum(const Row (&rows)[N]) {
    for (std::size_t i = 0; i < N; ++i) {
        if (static_cast<std::size_t>(rows[i].value) != i) {
            return false;
        }
    }
    return true;
}
template <typename Row, std::size_t N>
constexpr auto values_of(const Row (&rows)[N]) {
    std::array<decltype(rows[0].value), N> values{};
    for (std::size_t i = 0; i < N; ++i) {
        values[i] = rows[i].value;
    }
    return values;
}
} // namespace detail

static_assert(detail::rows_follow_enum(kind_terms));
static_assert(detail::rows_follow_enum(group_terms));
static_assert(detail::rows_follow_enum(role_terms));
static_assert(detail::rows_follow_enum(setting_terms));

inline constexpr auto all_kinds = detail::values_of(kind_terms);
inline constexpr auto all_groups = detail::values_of(group_terms);
inline constexpr auto all_roles = detail::values_of(role_terms);
inline constexpr auto all_settings = detail::values_of(setting_terms);

inline constexpr std::size_t number_of_kinds = all_kinds.size();
inline constexpr std::size_t number_of_groups = all_groups.size();
inline constexpr std::size_t number_of_roles = all_roles.size();
inline constexpr std::size_t number_of_settings = all_settings.size();

constexpr const KindTerm& term(Kind kind) {
    return kind_terms[static_cast<std::size_t>(kind)];
}
constexpr const GroupTerm& term(Group group) {
    return group_terms[static_cast<std::size_t>(group)];
}
constexpr const RoleTerm& term(Role role) {
    return role_terms[static_cast<std::size_t>(role)];
}
constexpr const SettingTerm& term(Setting setting) {
    return setting_terms[static_cast<std::size_t>(setting)];
}

// The id stored in files ("match", "resident", …).
template <typename Enum>
constexpr std::string_view name_of(Enum value) {
    return term(value).id;
}

constexpr bool is_outside(Group group) {
    return term(group).outside;
}
constexpr bool is_leadership(Group group) {
    return term(group).leadership;
}

// Stored ids only ("match"); for data read from files.
std::optional<Kind> kind_from_name(std::string_view name);
// Ids and aliases in any case and with or without accents ("Lucifer", "oppor-actie"); for
// command-line input and hand-edited files.
std::optional<Kind> kind_from_input(std::string_view text);
std::optional<Group> group_from_name(std::string_view text);
std::optional<Role> role_from_name(std::string_view text);
std::optional<Setting> setting_from_name(std::string_view text);
// "meeting", "ontmoeting" (any case, singular or plural): what people type after `spark log`
// for a meeting, which is not a kind of entry but `spark meet`.
bool names_a_meeting(std::string_view text);

// Every spelling accepted on the command line, ids first, for messages and completion
// ("spark, oxygen, …, vonk, zuurstof, …").
std::vector<std::string> kind_input_names();
std::vector<std::string> group_input_names();
std::vector<std::string> role_input_names();
std::vector<std::string> setting_input_names();

// For --help, from the tables: "spark|vonk, oxygen|zuurstof, …, action|actie|oppor-actie, …";
// "staff, teamlead, director, executive, council (inside); resident, initiator, partner
// (outside)"; "spark, poker, critic or innovator".
std::string kind_spellings();
std::string group_choices();
std::string role_choices();
// "spark, oxygen, match, fuel, action or poker"
std::string kind_choices();

// The stored ids, for "expected one of: …" messages.
std::vector<std::string> kind_ids();
std::vector<std::string> group_ids();
std::vector<std::string> role_ids();
std::vector<std::string> setting_ids();

} // namespace spark
