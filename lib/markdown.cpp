#include "markdown.hpp"

#include "text.hpp"

#include <fmt/format.h>

namespace spark {

namespace {

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Characters that start inline structure anywhere in a line: emphasis, code, links, images,
// table cells, strike-through, math, and the references GitLab links (#1 !1 ~x %x @x $x &x).
bool is_markdown_punctuation(char c) {
    static constexpr std::string_view special = "\\`*_[]()!|~$@#%";
    return special.find(c) != std::string_view::npos;
}

// "https://" and "www." are auto-linked by GitHub and GitLab; an escape breaks the pattern.
bool starts_autolink(std::string_view text, std::size_t i) {
    if (text[i] == ':') {
        return text.substr(i + 1, 2) == "//";
    }
    if (text[i] == '.' && i >= 3) {
        const auto www = text.substr(i - 3, 3);
        return (www == "www" || www == "WWW") && (i == 3 || !is_ascii_alnum(text[i - 4]));
    }
    return false;
}

} // namespace

std::string markdown_text(std::string_view user_text) {
    const std::string text = one_line(user_text);
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        switch (ch) {
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '@':
            // GFM's autolink extension (GitHub, GitLab) links e-mail addresses, mailto: and
            // xmpp: in the text after parsing, so "\@" alone does not stop it; an invisible
            // word joiner before the '@' leaves no address to find.
            out += "\u2060\\@";
            break;
        default:
            // At the start, "- x", "+ x" or "1. x" would open a list inside a list item, and
            // ":::" an Azure DevOps block.
            const bool opens_block =
                ((ch == '-' || ch == '+' || ch == '=' || ch == ':') && out.empty()) ||
                (ch == '.' && !out.empty() &&
                 out.find_first_not_of("0123456789") == std::string::npos);
            if (is_markdown_punctuation(ch) || starts_autolink(text, i) || opens_block) {
                out += '\\';
            }
            out += ch;
        }
    }
    return out;
}

std::string mermaid_label(std::string_view user_text) {
    const std::string text = one_line(user_text);
    std::string out;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 || is_ascii_alnum(ch) || ch == ' ' || ch == '-' || ch == '.' || ch == ',') {
            out += ch;
        } else {
            out += fmt::format("#{};", static_cast<int>(c));
        }
    }
    return out;
}

} // namespace spark
