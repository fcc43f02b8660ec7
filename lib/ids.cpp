#include "ids.hpp"

#include "text.hpp"

#include <random>

namespace spark {

std::string random_id_suffix() {
    static constexpr std::string_view alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    std::random_device device;
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::string suffix;
    for (int i = 0; i < 4; ++i) {
        suffix += alphabet[pick(device)];
    }
    return suffix;
}

std::string dated_record_id(const Date& date, std::string_view title, std::string_view fallback,
                            std::string_view suffix) {
    std::string slug = slugify(title);
    if (slug.empty()) {
        slug = fallback;
    }
    std::string id = date.iso();
    id += '-';
    id += slug;
    id += '-';
    id += suffix;
    return id;
}

std::string person_id(std::string_view name, std::string_view suffix) {
    std::string slug = slugify(name);
    if (slug.empty()) {
        slug = "person";
    }
    slug += '-';
    slug += suffix;
    return slug;
}

} // namespace spark
